package io.tinymlaas.app;

/**
 * An ML pipeline as an operator composes it: the example, the target its model is compiled for and run on, the last
 * stage it runs (collect … compare; any prefix), and optionally a stored data version and a training seed.
 */
public record PipelineDefinition(String name, String example, String target, String lastStage, String dataVersion, Long seed) {
}
