package io.tinymlaas.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Camera frames for the face-following demo: one of scikit-image's LFW faces, seen through {@link ImageAugmenter} at
 * 10–14 pixels and blended in with an oval edge, somewhere on a {@value #SIDE} × {@value #SIDE} scene made from one of
 * the LFW non-faces (backgrounds cut from the same photos). Each frame's target is where the face's centre is, as
 * {@link CellGrid} weights. Faces and backgrounds are split by source crop, as person_detection's are: the test frames
 * and the scripted {@link #path} show faces and scenes the model never saw.
 */
public final class FaceFrames {

    public static final int SIDE = 32;
    static final int MIN_FACE = 10;
    static final int MAX_FACE = 14;
    public static final String NAME = "face_following";

    /** How many crops of each kind go to test and validation (the rest train), and how many frames each face gives. */
    public record Sizes(int testSources, int validationSources, int trainFrames, int validationFrames, int testFrames) {
    }

    /** A frame and where the centre of the face in it is, in fractions of the frame (y down). */
    public record Frame(float[] pixels, double x, double y) {
    }

    /** Faces and backgrounds in the order the seed gives; the first {@code testSources} of each are the test crops. */
    private record Order(int[] faces, int[] backgrounds) {

        static Order of(LfwSubset.Images lfw, long seed) {
            Random random = new Random(seed);
            return new Order(PersonImages.permutation(lfw.faces().size(), random), PersonImages.permutation(lfw.nonFaces().size(), random));
        }
    }

    private FaceFrames() {
    }

    public static Dataset generate(LfwSubset.Images lfw, Sizes sizes, long seed) {
        int perKind = lfw.faces().size();
        int validationEnd = sizes.testSources() + sizes.validationSources();
        if (validationEnd >= perKind || lfw.nonFaces().size() != perKind) {
            throw new IllegalArgumentException("need more crops than " + validationEnd + " held out; have " + perKind
                    + " faces and " + lfw.nonFaces().size() + " non-faces");
        }
        Order order = Order.of(lfw, seed);
        Random random = new Random(seed + 1);
        Split test = frames(lfw, order, 0, sizes.testSources(), sizes.testFrames(), random);
        Split validation = frames(lfw, order, sizes.testSources(), validationEnd, sizes.validationFrames(), random);
        Split train = frames(lfw, order, validationEnd, perKind, sizes.trainFrames(), random);
        String recipe = String.format("face_following: scikit-image lfw_subset (sha256 %s) faces resampled to %d-%d px with an "
                + "oval edge, each on a %dx%d scene made from a non-face crop, at a uniformly random place wholly inside; target: "
                + "the face centre as bilinear weights over the 3x3 cell centres; split by source crop: %d test, %d validation, "
                + "%d train faces and backgrounds, %d/%d/%d frames per face; seed %d", lfw.sha256().substring(0, 12), MIN_FACE,
                MAX_FACE, SIDE, SIDE, sizes.testSources(), sizes.validationSources(), perKind - validationEnd, sizes.testFrames(),
                sizes.validationFrames(), sizes.trainFrames(), seed);
        Provenance provenance = new Provenance("scikit-image lfw_subset, " + lfw.file() + " (sha256 " + lfw.sha256()
                + "): a subset of Labeled Faces in the Wild, http://vis-www.cs.umass.edu/lfw/", LfwSubset.LICENCE);
        return new Dataset(NAME, recipe, provenance, Labels.regression(), train, validation, test);
    }

    /**
     * The demo's scripted sequence: a held-out face crosses a held-out scene left to right along the top, goes down the
     * right side, comes back along the bottom, then is suddenly back at the top left (as when a second person is the one
     * followed), {@code perLeg} frames per leg and {@code perLeg / 3} at the end. One face size; each frame a fresh view.
     */
    public static List<Frame> path(LfwSubset.Images lfw, int perLeg, long seed) {
        Order order = Order.of(lfw, seed);
        Random random = new Random(seed + 2);
        float[] face = lfw.faces().get(order.faces()[0]);
        float[] scene = ImageAugmenter.render(lfw.nonFaces().get(order.backgrounds()[0]), LfwSubset.SIDE, SIDE,
                ImageAugmenter.View.PLAIN, random);
        int side = (MIN_FACE + MAX_FACE) / 2;
        double low = 0.2;
        double high = 0.8;
        List<double[]> points = new ArrayList<>();
        leg(points, low, low, high, low, perLeg);
        leg(points, high, low, high, high, perLeg);
        leg(points, high, high, low, high, perLeg);
        for (int i = 0; i < Math.max(1, perLeg / 3); i++) {
            points.add(new double[] {low, low});
        }
        List<Frame> frames = new ArrayList<>(points.size());
        for (double[] p : points) {
            frames.add(place(face, scene, side, p[0], p[1], ImageAugmenter.View.random(random), random));
        }
        return frames;
    }

    /** {@code count} points from (x0, y0) towards (x1, y1), the first at the start, the last one step short of the end. */
    private static void leg(List<double[]> points, double x0, double y0, double x1, double y1, int count) {
        for (int i = 0; i < count; i++) {
            double t = (double) i / count;
            points.add(new double[] {x0 + (x1 - x0) * t, y0 + (y1 - y0) * t});
        }
    }

    /** Faces {@code order[from..to)}, {@code count} frames each, each on a background of the same range. */
    private static Split frames(LfwSubset.Images lfw, Order order, int from, int to, int count, Random random) {
        List<float[]> inputs = new ArrayList<>();
        List<float[]> targets = new ArrayList<>();
        for (int i = from; i < to; i++) {
            float[] face = lfw.faces().get(order.faces()[i]);
            for (int v = 0; v < count; v++) {
                float[] background = lfw.nonFaces().get(order.backgrounds()[from + random.nextInt(to - from)]);
                float[] scene = ImageAugmenter.render(background, LfwSubset.SIDE, SIDE, ImageAugmenter.View.random(random), random);
                int side = MIN_FACE + random.nextInt(MAX_FACE - MIN_FACE + 1);
                double half = side / 2.0 / SIDE;
                double x = half + (1 - 2 * half) * random.nextDouble();
                double y = half + (1 - 2 * half) * random.nextDouble();
                Frame frame = place(face, scene, side, x, y, ImageAugmenter.View.random(random), random);
                inputs.add(frame.pixels());
                targets.add(CellGrid.weights(frame.x(), frame.y()));
            }
        }
        return new Split(inputs.toArray(float[][]::new), targets.toArray(float[][]::new));
    }

    /**
     * The face (seen as {@code view}, {@code side} pixels wide) blended into a copy of {@code scene} with its centre at
     * the pixel corner nearest to (x, y); the frame names where the centre really is.
     */
    static Frame place(float[] face, float[] scene, int side, double x, double y, ImageAugmenter.View view, Random random) {
        float[] small = ImageAugmenter.render(face, LfwSubset.SIDE, side, view, random);
        int left = Math.max(0, Math.min(SIDE - side, (int) Math.round(x * SIDE - side / 2.0)));
        int top = Math.max(0, Math.min(SIDE - side, (int) Math.round(y * SIDE - side / 2.0)));
        float[] pixels = scene.clone();
        double radius = side / 2.0;
        for (int v = 0; v < side; v++) {
            for (int u = 0; u < side; u++) {
                // an oval a little narrower than tall, as a face is; its edge fades over about a pixel
                double dx = (u + 0.5 - radius) / (radius * 0.85);
                double dy = (v + 0.5 - radius) / radius;
                double alpha = Math.max(0, Math.min(1, (1 - Math.sqrt(dx * dx + dy * dy)) * radius));
                int at = (top + v) * SIDE + left + u;
                pixels[at] = ImageAugmenter.level(alpha * small[v * side + u] + (1 - alpha) * pixels[at]);
            }
        }
        return new Frame(pixels, (left + radius) / SIDE, (top + radius) / SIDE);
    }
}
