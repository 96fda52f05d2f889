package io.tinymlaas.app;

import java.util.List;

/**
 * ACCEPT or REJECT, with every check measured: a request is accepted only when each check was met; what could not be
 * measured here is a reason to reject, since support cannot promise it.
 */
public record FeasibilityVerdict(String model, String board, List<Check> checks) {

    public enum Outcome { MET, NOT_MET, UNVERIFIED }

    public record Check(String name, Outcome outcome, String detail) {
    }

    public boolean accepted() {
        return checks.stream().allMatch(check -> check.outcome() == Outcome.MET);
    }

    public String verdict() {
        return accepted() ? "ACCEPT" : "REJECT";
    }
}
