package io.tinymlaas.examples;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.SineDataset;
import io.tinymlaas.data.Split;
import io.tinymlaas.report.Quality;
import io.tinymlaas.train.TrainingConfig;
import java.util.List;
import java.util.Optional;

/**
 * The classic TinyML hello_world: a 1→16→16→1 ReLU network that learns sin(x) on [0, 2π] from noisy samples.
 * Quality is judged against the true sin(x), not the noisy labels: the int8 model's test outputs are within
 * 0.05 of sin(x) on average and never off by more than 0.1; the share within 0.05 is reported too. Every single
 * output within 0.05 is not a goal: with per-tensor int8 activations the input quantization alone costs up to 0.012
 * and the hidden activations about as much again. The same seed trains the same model, so CI judges the same file
 * every run; the margins are for other seeds, data and machines. Measured with `tinyml flakiness` over seeds 1–20
 * (2026-12-07): mean error 0.0092–0.0205 (mean 0.0122, σ 0.0034, 11σ inside its goal), maximum 0.0332–0.0620
 * (mean 0.0453, σ 0.0077, 7σ inside).
 */
public final class HelloWorld implements Example {

    public static final String NAME = "hello_world";
    static final int SAMPLES = 6000;
    static final double NOISE = 0.05;
    static final long SEED = 42;
    static final double TOLERANCE = 0.05;
    static final double MAX_ERROR = 0.1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String datasetName() {
        return SineDataset.NAME;
    }

    @Override
    public Dataset collect() {
        return SineDataset.generate(SAMPLES, NOISE, SEED);
    }

    @Override
    public ModelRecipe recipe() {
        return new ModelRecipe.DenseRegression(trainingConfig());
    }

    public TrainingConfig trainingConfig() {
        return new TrainingConfig(new int[] {16, 16}, 32,
                List.of(new TrainingConfig.Phase(300, 0.01f), new TrainingConfig.Phase(300, 0.001f)), 7);
    }

    @Override
    public Optional<Truth> truth() {
        return Optional.of(new Truth("sin(x)", Math::sin));
    }

    @Override
    public List<Quality> judge(Split test, List<float[]> outputs) {
        double worst = 0;
        double sum = 0;
        int within = 0;
        for (int i = 0; i < test.size(); i++) {
            double error = Math.abs(outputs.get(i)[0] - Math.sin(test.inputs()[i][0]));
            worst = Math.max(worst, error);
            sum += error;
            within += error <= TOLERANCE ? 1 : 0;
        }
        return List.of(
                Quality.atMost("mean |y - sin(x)| on the test split", sum / test.size(), TOLERANCE),
                Quality.atMost("max |y - sin(x)| on the test split", worst, MAX_ERROR),
                Quality.report("share of test outputs within 0.05 of sin(x)", (double) within / test.size()));
    }
}
