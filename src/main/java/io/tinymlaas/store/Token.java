package io.tinymlaas.store;

import java.time.Instant;

/** An API token's holder and role; the token itself is never stored, only its SHA-256. */
public record Token(String name, Role role, Instant createdAt) {

    /** What a token may do: read everything (viewer); data, labels, training and models; register, assign and run pipelines. */
    public enum Role {
        VIEWER, DATA_SCIENTIST, OPERATOR;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
