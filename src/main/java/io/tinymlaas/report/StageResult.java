package io.tinymlaas.report;

/** One lifecycle stage in a report: passed, failed (with the reason in detail) or skipped after a failure. */
public record StageResult(String name, Status status, double seconds, String detail) {

    public enum Status { PASSED, FAILED, SKIPPED }
}
