package io.tinymlaas.app;

import java.util.List;

/**
 * Which example runs where, and on what: {@code targets} are x86, board ids or "all"; {@code dataVersion} (null: collect
 * afresh) a stored version of the example's data; {@code seed} (null: the example's own) the training seed.
 */
public record RunRequest(String example, List<String> targets, String dataVersion, Long seed) {

    public RunRequest {
        targets = List.copyOf(targets);
    }

    public static RunRequest of(String example, String... targets) {
        return new RunRequest(example, List.of(targets), null, null);
    }
}
