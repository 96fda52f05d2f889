package io.tinymlaas.app;

/**
 * The CFO's question sent to the service: what does running {@code example} on {@code board} cost, TinyML against
 * cloud, for {@code fleet} devices (default 1,000) over {@code years} (default 3).
 *
 * @param assumptions  the cost model's parameters as YAML text; null: the ones this project ships
 * @param measureAgain run the dry-run on the board even when an earlier run measured it
 */
public record CostQuestion(String example, String board, Long fleet, Double years, String assumptions, Boolean measureAgain) {
}
