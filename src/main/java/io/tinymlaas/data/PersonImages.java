package io.tinymlaas.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The person_detection data: scikit-image's LFW faces ("person") and non-faces ("no_person"), each 25 × 25 crop seen
 * several times through {@link ImageAugmenter} at the model's 96 × 96. The split is by source image, per class: a crop
 * held out for test (or validation) appears in no other split, not even as an augmented view, so the test accuracy
 * measures faces the model has never seen. The first view of every crop is the crop only resized.
 * Everything follows from the seed.
 */
public final class PersonImages {

    public static final int SIDE = 96;

    /** How many crops of each class go to test and validation (the rest train), and how many views each crop gives. */
    public record Sizes(int testSources, int validationSources, int trainViews, int validationViews, int testViews) {
    }

    private PersonImages() {
    }

    public static Dataset generate(LfwSubset.Images lfw, Sizes sizes, long seed) {
        int perClass = lfw.faces().size();
        if (lfw.nonFaces().size() != perClass || sizes.testSources() + sizes.validationSources() >= perClass) {
            throw new IllegalArgumentException("need more crops per class than " + sizes.testSources() + " test + "
                    + sizes.validationSources() + " validation; have " + lfw.faces().size() + " faces and " + lfw.nonFaces().size()
                    + " non-faces");
        }
        Random random = new Random(seed);
        int[] faceOrder = permutation(perClass, random);
        int[] nonFaceOrder = permutation(perClass, random);
        int validationEnd = sizes.testSources() + sizes.validationSources();
        Split test = views(lfw, faceOrder, nonFaceOrder, 0, sizes.testSources(), sizes.testViews(), random);
        Split validation = views(lfw, faceOrder, nonFaceOrder, sizes.testSources(), validationEnd, sizes.validationViews(), random);
        Split train = views(lfw, faceOrder, nonFaceOrder, validationEnd, perClass, sizes.trainViews(), random);
        int trainSources = perClass - validationEnd;
        String recipe = String.format("person_detection: scikit-image lfw_subset (%d faces = person, %d non-faces = no_person, "
                + "%dx%d grayscale, sha256 %s) resampled to %dx%d 8-bit grayscale; split by source crop per class: %d test, "
                + "%d validation, %d train crops, %d/%d/%d views each (view 0 plain; the others mirrored at random, "
                + "shifted <= %.0f%%, zoomed %.2f-%.2f, brightness +-%.2f, contrast %.1f-%.1f, noise sigma <= %.2f), seed %d",
                perClass, perClass, LfwSubset.SIDE, LfwSubset.SIDE, lfw.sha256().substring(0, 12), SIDE, SIDE,
                sizes.testSources(), sizes.validationSources(), trainSources, sizes.testViews(), sizes.validationViews(),
                sizes.trainViews(), ImageAugmenter.MAX_SHIFT * 100, ImageAugmenter.MIN_ZOOM, ImageAugmenter.MAX_ZOOM,
                ImageAugmenter.MAX_BRIGHTNESS, ImageAugmenter.MIN_CONTRAST, ImageAugmenter.MAX_CONTRAST, ImageAugmenter.MAX_NOISE,
                seed);
        Provenance provenance = new Provenance("scikit-image lfw_subset, " + lfw.file() + " (sha256 " + lfw.sha256()
                + "): a subset of Labeled Faces in the Wild, http://vis-www.cs.umass.edu/lfw/", LfwSubset.LICENCE);
        return new Dataset("person_detection", recipe, provenance, Labels.classes(PersonClass.labels()), train, validation, test,
                new Dataset.ImageShape(SIDE, SIDE));
    }

    /** Crops {@code order[from..to)} of both classes, {@code count} views each, a face and a non-face in turn. */
    private static Split views(LfwSubset.Images lfw, int[] faceOrder, int[] nonFaceOrder, int from, int to, int count,
                               Random random) {
        List<float[]> inputs = new ArrayList<>();
        List<float[]> targets = new ArrayList<>();
        for (int i = from; i < to; i++) {
            for (int v = 0; v < count; v++) {
                for (PersonClass label : PersonClass.values()) {
                    float[] crop = label == PersonClass.PERSON ? lfw.faces().get(faceOrder[i]) : lfw.nonFaces().get(nonFaceOrder[i]);
                    ImageAugmenter.View view = v == 0 ? ImageAugmenter.View.PLAIN : ImageAugmenter.View.random(random);
                    inputs.add(ImageAugmenter.render(crop, LfwSubset.SIDE, SIDE, view, random));
                    targets.add(label.oneHot());
                }
            }
        }
        return new Split(inputs.toArray(float[][]::new), targets.toArray(float[][]::new));
    }

    /** 0 … n-1 shuffled by {@code random}. */
    static int[] permutation(int n, Random random) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
