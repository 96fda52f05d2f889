package io.tinymlaas.store;

import java.time.Instant;

/**
 * An ML pipeline an operator composed: the dry-run's stages for one example on one target, from collect up to
 * {@code lastStage}, on a stored data version or fresh data, from a seed or the example's own.
 */
public record Pipeline(long id, String name, String example, String target, String lastStage, String dataVersion, Long seed,
                       String createdBy, Instant createdAt) {
}
