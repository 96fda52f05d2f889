package io.tinymlaas.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A question put to the service and its answer once a worker has made it.
 *
 * @param kind   FEASIBILITY or COST
 * @param state  QUEUED, RUNNING, ANSWERED or FAILED ({@code error} says why no answer could be made)
 * @param answer for FEASIBILITY: the verdict (ACCEPT or REJECT) and every check with what was measured; for COST: the
 *               summary as `bin/tinyml cost` prints it and every figure (per device, fleet totals, break-even, the curve)
 */
public record EnquiryView(long id, String kind, String state, JsonNode question, JsonNode answer, String error, String worker,
                          String createdBy, Instant createdAt, Instant endedAt) {
}
