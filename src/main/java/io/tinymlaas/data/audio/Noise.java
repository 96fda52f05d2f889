package io.tinymlaas.data.audio;

import java.util.Random;

/** Seeded background noise of unit RMS: white, pink (1/f, Paul Kellet's filter) or brown (leaky integrated white). */
public enum Noise {
    WHITE, PINK, BROWN;

    public double[] generate(int length, Random random) {
        double[] x = new double[length];
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        double brown = 0;
        for (int i = 0; i < length; i++) {
            double white = random.nextGaussian();
            x[i] = switch (this) {
                case WHITE -> white;
                case PINK -> {
                    b0 = 0.99886 * b0 + white * 0.0555179;
                    b1 = 0.99332 * b1 + white * 0.0750759;
                    b2 = 0.96900 * b2 + white * 0.1538520;
                    b3 = 0.86650 * b3 + white * 0.3104856;
                    b4 = 0.55000 * b4 + white * 0.5329522;
                    b5 = -0.7616 * b5 - white * 0.0168980;
                    double pink = b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362;
                    b6 = white * 0.115926;
                    yield pink;
                }
                // The leak keeps the walk from drifting off: brown (1/f²) above a few hertz, flat below.
                case BROWN -> brown = 0.998 * brown + white;
            };
        }
        double sum = 0;
        double mean = 0;
        for (double v : x) {
            mean += v / length;
        }
        for (int i = 0; i < length; i++) {
            x[i] -= mean;
            sum += x[i] * x[i];
        }
        double rms = Math.sqrt(sum / length);
        for (int i = 0; i < length; i++) {
            x[i] /= rms;
        }
        return x;
    }
}
