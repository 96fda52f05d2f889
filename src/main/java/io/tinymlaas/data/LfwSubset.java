package io.tinymlaas.data;

import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * scikit-image's {@code lfw_subset}: 200 grayscale crops of 25 × 25 pixels from Labeled Faces in the Wild, the first
 * 100 faces and the next 100 non-faces cut from the same photos' backgrounds (skimage.data.lfw_subset's docstring).
 * Debian's python3-skimage ships it as {@value #DEFAULT_FILE}. The docstring calls the array uint8, but the file
 * holds float64 values in [0, 1] (its .npy header says {@code '<f8'}); both are accepted and scaled to [0, 1].
 */
public final class LfwSubset {

    public static final String DEFAULT_FILE = "/usr/lib/python3/dist-packages/skimage/data/lfw_subset.npy";
    public static final String INSTALL = "apt-get install python3-skimage";
    public static final int SIDE = 25;
    public static final int PER_CLASS = 100;
    public static final String LICENCE = "scikit-image names no licence for lfw_subset: its docstring only cites Huang, "
            + "Mattar, Lee & Learned-Miller (2012) and http://vis-www.cs.umass.edu/lfw/; Debian's python3-skimage "
            + "debian/copyright puts all of scikit-image's files (Files: *) under BSD-3-Clause; the terms of LFW itself were "
            + "not checked (offline)";

    /** The faces and non-faces, each image SIDE × SIDE row-major in [0, 1]; the file's SHA-256 for the manifest. */
    public record Images(List<float[]> faces, List<float[]> nonFaces, Path file, String sha256) {
    }

    private LfwSubset() {
    }

    public static Images load() {
        return load(Path.of(DEFAULT_FILE));
    }

    public static Images load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TinymlException("the person_detection data " + file + " is missing; it comes with scikit-image: " + INSTALL
                    + " (bin/setup installs it)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TinymlException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Npy.Array array = Npy.read(bytes, file.toString());
        if (!Arrays.equals(array.shape(), new int[] {2 * PER_CLASS, SIDE, SIDE})) {
            throw new TinymlException(file + ": expected " + 2 * PER_CLASS + " images of " + SIDE + "x" + SIDE + ", found shape "
                    + Arrays.toString(array.shape()));
        }
        double full = array.dtype().endsWith("u1") ? 255.0 : 1.0;
        int pixels = SIDE * SIDE;
        float[][] images = new float[2 * PER_CLASS][pixels];
        for (int i = 0; i < array.count(); i++) {
            double value = array.values()[i] / full;
            if (!(value >= 0 && value <= 1)) {
                throw new TinymlException(file + ": pixel " + i + " is " + array.values()[i] + ", outside the range of an image");
            }
            images[i / pixels][i % pixels] = (float) value;
        }
        return new Images(List.of(Arrays.copyOfRange(images, 0, PER_CLASS)), List.of(Arrays.copyOfRange(images, PER_CLASS,
                2 * PER_CLASS)), file, Hashes.sha256(bytes));
    }
}
