package io.tinymlaas.convert;

import java.util.Random;

/** Gaussian weights of a given scale for the converter tests' random networks. */
final class RandomWeights {

    private RandomWeights() {
    }

    static float[][][][] randomFilter(int out, int h, int w, int in, double scale, Random random) {
        float[][][][] f = new float[out][h][w][in];
        for (float[][][] o : f) {
            for (float[][] row : o) {
                for (float[] column : row) {
                    for (int c = 0; c < in; c++) {
                        column[c] = (float) (random.nextGaussian() * scale);
                    }
                }
            }
        }
        return f;
    }

    static float[][] randomMatrix(int rows, int cols, double scale, Random random) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (random.nextGaussian() * scale);
            }
        }
        return m;
    }

    static float[] randomVector(int n, double scale, Random random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }
}
