package io.tinymlaas.store;

import java.time.Instant;

/**
 * A question put to the service and, once a worker has answered it, the answer; both JSON text.
 *
 * @param kind  FEASIBILITY (a support request's verdict) or COST (the CFO's cloud-against-TinyML comparison)
 * @param state QUEUED, RUNNING, ANSWERED or FAILED (no answer could be made: {@code error} says why)
 */
public record Enquiry(long id, String kind, String question, String state, String answer, String error, String worker,
                      String createdBy, Instant createdAt, Instant endedAt) {

    public static final String FEASIBILITY = "FEASIBILITY";
    public static final String COST = "COST";

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String ANSWERED = "ANSWERED";
    public static final String FAILED = "FAILED";
}
