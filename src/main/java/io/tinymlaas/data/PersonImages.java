package io.tinymlaas.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The person_detection data: scikit-image's LFW faces ("person") and non-faces ("no_person") as a camera would frame
 * them. View 0 of every 25 × 25 crop is the crop alone, resized to the model's 96 × 96; the other views are real scene
 * photos without people ({@link ScenePhotos}) in which a face, for "person", lies at any size from 30 % of the frame up
 * and any place ({@link SceneComposer}); a "no_person" view is the scene alone or with a non-face crop laid in the same
 * way, so neither the crop's edge nor a plain scene gives the class away. Training and validation frames come from
 * Debian's wallpapers, test frames from scikit-image's sample photos only: the test measures faces and scenes the model
 * has never seen. The split is by source crop, per class: a crop held out for test (or validation) appears in no other
 * split. Every view then goes through {@link ImageAugmenter}'s mirror, shift, zoom, light and noise.
 * Everything follows from the seed.
 */
public final class PersonImages {

    public static final int SIDE = 96;

    /** How many crops of each class go to test and validation (the rest train), and how many views each crop gives. */
    public record Sizes(int testSources, int validationSources, int trainViews, int validationViews, int testViews) {
    }

    private PersonImages() {
    }

    public static Dataset generate(LfwSubset.Images lfw, ScenePhotos.Scenes scenes, Sizes sizes, long seed) {
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
        Split test = views(lfw, new Sources(faceOrder, nonFaceOrder, 0, sizes.testSources(), scenes.test()), sizes.testViews(),
                random);
        Split validation = views(lfw, new Sources(faceOrder, nonFaceOrder, sizes.testSources(), validationEnd, scenes.train()),
                sizes.validationViews(), random);
        Split train = views(lfw, new Sources(faceOrder, nonFaceOrder, validationEnd, perClass, scenes.train()),
                sizes.trainViews(), random);
        int trainSources = perClass - validationEnd;
        String recipe = String.format("person_detection: scikit-image lfw_subset (%d faces = person, %d non-faces = no_person, "
                + "%dx%d grayscale, sha256 %s) at %dx%d 8-bit grayscale; split by source crop per class: %d test, "
                + "%d validation, %d train crops, %d/%d/%d views each; view 0 the crop alone, the others a %d-%d px square "
                + "window of a scene photo (%d wallpaper photos and surfaces for train and validation, %d scikit-image photos for test; one in %d a "
                + "noise picture instead) with the face laid in (person) or, every other view, a non-face crop (no_person), "
                + "%.0f-100%% of the frame's side, anywhere, its edge faded; then mirrored at random, shifted <= %.0f%%, zoomed "
                + "%.2f-%.2f, brightness +-%.2f, contrast %.1f-%.1f, noise sigma <= %.2f; seed %d",
                perClass, perClass, LfwSubset.SIDE, LfwSubset.SIDE, lfw.sha256().substring(0, 12), SIDE, SIDE,
                sizes.testSources(), sizes.validationSources(), trainSources, sizes.testViews(), sizes.validationViews(),
                sizes.trainViews(), SceneComposer.MIN_WINDOW, ScenePhotos.HEIGHT, scenes.train().size(), scenes.test().size(),
                SceneComposer.NOISE_ONE_IN, SceneComposer.MIN_CROP * 100, ImageAugmenter.MAX_SHIFT * 100,
                ImageAugmenter.MIN_ZOOM, ImageAugmenter.MAX_ZOOM, ImageAugmenter.MAX_BRIGHTNESS, ImageAugmenter.MIN_CONTRAST,
                ImageAugmenter.MAX_CONTRAST, ImageAugmenter.MAX_NOISE, seed);
        Provenance provenance = new Provenance("scikit-image lfw_subset, " + lfw.file() + " (sha256 " + lfw.sha256()
                + "): a subset of Labeled Faces in the Wild, http://vis-www.cs.umass.edu/lfw/; " + scenes.provenance().source(),
                LfwSubset.LICENCE + "; " + scenes.provenance().licence());
        return new Dataset("person_detection", recipe, provenance, Labels.classes(PersonClass.labels()), train, validation, test,
                new Dataset.ImageShape(SIDE, SIDE));
    }

    /** Crops {@code order[from..to)} of both classes and the scene photos their views are framed in. */
    private record Sources(int[] faceOrder, int[] nonFaceOrder, int from, int to, List<ScenePhotos.Scene> scenes) {
    }

    /** {@code count} views of each of the sources' crops, a face and a non-face in turn. */
    private static Split views(LfwSubset.Images lfw, Sources sources, int count, Random random) {
        List<float[]> inputs = new ArrayList<>();
        List<float[]> targets = new ArrayList<>();
        for (int i = sources.from(); i < sources.to(); i++) {
            for (int v = 0; v < count; v++) {
                for (PersonClass label : PersonClass.values()) {
                    boolean person = label == PersonClass.PERSON;
                    float[] crop = person ? lfw.faces().get(sources.faceOrder()[i]) : lfw.nonFaces().get(sources.nonFaceOrder()[i]);
                    inputs.add(v == 0 ? ImageAugmenter.render(crop, LfwSubset.SIDE, SIDE, ImageAugmenter.View.PLAIN, random)
                            : framed(crop, person || v % 2 == 0, sources.scenes(), random));
                    targets.add(label.oneHot());
                }
            }
        }
        return new Split(inputs.toArray(float[][]::new), targets.toArray(float[][]::new));
    }

    private static float[] framed(float[] crop, boolean laidIn, List<ScenePhotos.Scene> scenes, Random random) {
        float[] frame = SceneComposer.background(scenes, SIDE, random);
        if (laidIn) {
            SceneComposer.layIn(frame, SIDE, crop, LfwSubset.SIDE, random);
        }
        return ImageAugmenter.render(frame, SIDE, SIDE, ImageAugmenter.View.random(random), random);
    }

    /** 0 … n-1 shuffled by {@code random}. */
    static int[] permutation(int n, Random random) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
