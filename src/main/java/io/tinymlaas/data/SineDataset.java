package io.tinymlaas.data;

import java.util.Random;

/** The hello_world data: x uniform in [0, 2π], y = sin(x) plus Gaussian noise, reproducible from its seed. */
public final class SineDataset {

    public static final String NAME = "sine";

    private SineDataset() {
    }

    /** Splits the samples 4:1:1 into train, validation and test. */
    public static Dataset generate(int samples, double noise, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[samples][1];
        float[][] y = new float[samples][1];
        for (int i = 0; i < samples; i++) {
            double value = random.nextDouble() * 2 * Math.PI;
            x[i][0] = (float) value;
            y[i][0] = (float) (Math.sin(value) + noise * random.nextGaussian());
        }
        int trainEnd = samples * 2 / 3;
        int validationEnd = trainEnd + (samples - trainEnd) / 2;
        return new Dataset(NAME, "sine: x~U[0,2pi], y=sin(x)+N(0," + noise + "^2), " + samples + " samples, seed " + seed,
                Provenance.synthesized("noisy samples of sin(x) (io.tinymlaas.data.SineDataset)"), Labels.regression(),
                slice(x, y, 0, trainEnd), slice(x, y, trainEnd, validationEnd), slice(x, y, validationEnd, samples));
    }

    private static Split slice(float[][] x, float[][] y, int from, int to) {
        return new Split(java.util.Arrays.copyOfRange(x, from, to), java.util.Arrays.copyOfRange(y, from, to));
    }
}
