package io.tinymlaas.steps;

import io.tinymlaas.convert.Int8Converter;
import io.tinymlaas.tflite.TfliteWriter;
import io.tinymlaas.train.DenseLayer;
import io.tinymlaas.train.DenseNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** An int8 dense model whose weights alone decide which boards it fits: random seeded weights, one hidden layer. */
public final class WideDenseModel {

    private WideDenseModel() {
    }

    /** Writes the model's .tflite file into {@code folder} and returns it. */
    public static Path write(Path folder, int inputs, int hidden) throws IOException {
        Random random = new Random(17);
        float[][] first = new float[hidden][inputs];
        for (float[] row : first) {
            for (int i = 0; i < inputs; i++) {
                row[i] = (float) random.nextGaussian() * 0.05f;
            }
        }
        float[][] second = new float[1][hidden];
        for (int j = 0; j < hidden; j++) {
            second[0][j] = (float) random.nextGaussian() * 0.05f;
        }
        DenseNetwork network = new DenseNetwork(List.of(new DenseLayer(first, new float[hidden], true),
                new DenseLayer(second, new float[1], false)));
        float[][] calibration = new float[8][inputs];
        for (float[] sample : calibration) {
            for (int i = 0; i < inputs; i++) {
                sample[i] = random.nextFloat() * 2 - 1;
            }
        }
        Path model = folder.resolve("wide_dense-" + System.nanoTime() + ".tflite");
        Files.createDirectories(folder);
        Files.write(model, TfliteWriter.write(Int8Converter.convert(network, calibration, "wide dense")));
        return model;
    }
}
