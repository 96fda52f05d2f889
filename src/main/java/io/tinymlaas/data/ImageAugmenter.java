package io.tinymlaas.data;

import java.util.Random;

/**
 * Makes new views of a small grayscale image, as a camera could have seen it: mirrored, shifted, zoomed, brighter or
 * darker, with more or less contrast and sensor noise; resampled (bilinear, edges repeated) to the model's input size
 * and rounded to 8-bit levels like a camera frame. Pixels are in [0, 1], row-major.
 */
public final class ImageAugmenter {

    static final double MAX_SHIFT = 0.10;
    static final double MIN_ZOOM = 0.90;
    static final double MAX_ZOOM = 1.15;
    static final double MAX_BRIGHTNESS = 0.15;
    static final double MIN_CONTRAST = 0.70;
    static final double MAX_CONTRAST = 1.30;
    static final double MAX_NOISE = 0.03;

    /**
     * One view: shifts in fractions of the image, zoom &gt; 1 enlarges, brightness is added and contrast scales the
     * distance from the image's mean, noise is the standard deviation of Gaussian noise added per pixel.
     */
    public record View(boolean mirrored, double shiftX, double shiftY, double zoom, double brightness, double contrast,
                       double noise) {

        /** The image only resized. */
        public static final View PLAIN = new View(false, 0, 0, 1, 0, 1, 0);

        public static View random(Random random) {
            return new View(random.nextBoolean(), uniform(random, -MAX_SHIFT, MAX_SHIFT), uniform(random, -MAX_SHIFT, MAX_SHIFT),
                    uniform(random, MIN_ZOOM, MAX_ZOOM), uniform(random, -MAX_BRIGHTNESS, MAX_BRIGHTNESS),
                    uniform(random, MIN_CONTRAST, MAX_CONTRAST), uniform(random, 0, MAX_NOISE));
        }
    }

    private ImageAugmenter() {
    }

    /** {@code source} (side × side) seen as {@code view}, at outSide × outSide; the noise comes from {@code random}. */
    public static float[] render(float[] source, int side, int outSide, View view, Random random) {
        double mean = 0;
        for (float p : source) {
            mean += p;
        }
        mean /= source.length;
        float[] out = new float[outSide * outSide];
        for (int v = 0; v < outSide; v++) {
            // Pixel centres in [-0.5, 0.5] of the output, mapped back into the source.
            double ny = (v + 0.5) / outSide - 0.5;
            double sy = (ny / view.zoom() - view.shiftY() + 0.5) * side - 0.5;
            for (int u = 0; u < outSide; u++) {
                double nx = (u + 0.5) / outSide - 0.5;
                double sx = ((view.mirrored() ? -nx : nx) / view.zoom() - view.shiftX() + 0.5) * side - 0.5;
                double value = bilinear(source, side, side, sx, sy);
                value = (value - mean) * view.contrast() + mean + view.brightness();
                if (view.noise() > 0) {
                    value += view.noise() * random.nextGaussian();
                }
                out[v * outSide + u] = level(value);
            }
        }
        return out;
    }

    /** The nearest 8-bit level p / 255 of a value, clipped to [0, 1]. */
    static float level(double value) {
        return (float) (Math.round(Math.max(0, Math.min(1, value)) * 255) / 255.0);
    }

    /** The image (width × height, row-major) at (x, y) in pixel coordinates, interpolated, edges extended. */
    static double bilinear(float[] image, int width, int height, double x, double y) {
        double cx = Math.max(0, Math.min(width - 1, x));
        double cy = Math.max(0, Math.min(height - 1, y));
        int x0 = Math.min((int) cx, width - 2);
        int y0 = Math.min((int) cy, height - 2);
        double fx = cx - x0;
        double fy = cy - y0;
        double top = image[y0 * width + x0] * (1 - fx) + image[y0 * width + x0 + 1] * fx;
        double bottom = image[(y0 + 1) * width + x0] * (1 - fx) + image[(y0 + 1) * width + x0 + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
