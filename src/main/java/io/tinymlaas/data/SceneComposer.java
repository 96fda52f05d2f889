package io.tinymlaas.data;

import java.util.List;
import java.util.Random;

/**
 * Frames as a camera would see them: a square window of a real scene photo, sometimes with a face crop (or a crop of
 * a photo's background) laid into it at any size and place. Laying non-face crops in the same way makes the crop's
 * edge say nothing about the class: only what is inside it does.
 */
final class SceneComposer {

    /** The smallest window, in pixels of the {@value ScenePhotos#HEIGHT}-pixel-high photo. */
    static final int MIN_WINDOW = 48;
    /** The smallest laid-in crop, as a share of the frame's side. */
    static final double MIN_CROP = 0.30;
    /** One frame in this many has a noise background instead of a photo, so noise alone says "no_person". */
    static final int NOISE_ONE_IN = 10;

    private SceneComposer() {
    }

    /** A window of one of {@code scenes} (or noise) at {@code side} × {@code side}, mirrored half the time. */
    static float[] background(List<ScenePhotos.Scene> scenes, int side, Random random) {
        if (random.nextInt(NOISE_ONE_IN) == 0) {
            return noise(side, random);
        }
        ScenePhotos.Scene scene = scenes.get(random.nextInt(scenes.size()));
        int window = MIN_WINDOW + random.nextInt(scene.height() - MIN_WINDOW + 1);
        int left = random.nextInt(scene.width() - window + 1);
        int top = random.nextInt(scene.height() - window + 1);
        boolean mirrored = random.nextBoolean();
        float[] out = new float[side * side];
        // several bilinear samples per output pixel when the window shrinks, so fine texture does not alias
        int samples = Math.max(1, (int) Math.ceil(window / (double) side));
        for (int v = 0; v < side; v++) {
            for (int u = 0; u < side; u++) {
                double sum = 0;
                for (int sv = 0; sv < samples; sv++) {
                    for (int su = 0; su < samples; su++) {
                        double x = (u + (su + 0.5) / samples) * window / side - 0.5;
                        double y = (v + (sv + 0.5) / samples) * window / side - 0.5;
                        sum += ImageAugmenter.bilinear(scene.pixels(), scene.width(), scene.height(), left + (mirrored ? window - 1 - x : x), top + y);
                    }
                }
                out[v * side + u] = ImageAugmenter.level(sum / (samples * samples));
            }
        }
        return out;
    }

    /** {@code crop} (cropSide²) laid into {@code frame} (side²) at a random size and place; its edge fades in. */
    static void layIn(float[] frame, int side, float[] crop, int cropSide, Random random) {
        int size = (int) Math.round(side * MIN_CROP) + random.nextInt(side - (int) Math.round(side * MIN_CROP) + 1);
        int left = random.nextInt(side - size + 1);
        int top = random.nextInt(side - size + 1);
        double fade = Math.max(1.5, size * 0.12);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double edge = Math.min(Math.min(x, size - 1 - x), Math.min(y, size - 1 - y)) + 0.5;
                double alpha = Math.min(1, edge / fade);
                double value = ImageAugmenter.bilinear(crop, cropSide, cropSide, (x + 0.5) * cropSide / size - 0.5, (y + 0.5) * cropSide / size - 0.5);
                int at = (top + y) * side + left + x;
                frame[at] = ImageAugmenter.level(alpha * value + (1 - alpha) * frame[at]);
            }
        }
    }

    private static float[] noise(int side, Random random) {
        double mean = random.nextDouble();
        double spread = 0.1 + 0.4 * random.nextDouble();
        float[] out = new float[side * side];
        for (int i = 0; i < out.length; i++) {
            out[i] = ImageAugmenter.level(mean + spread * (random.nextDouble() - 0.5) * 2);
        }
        return out;
    }
}
