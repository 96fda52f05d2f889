package io.tinymlaas.data;

import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A user's picture as a model sees it: 8-bit grayscale at the model's height × width. PNG, JPEG, BMP and GIF are decoded
 * by javax.imageio, PGM (P2 and P5) here. Colour becomes luma (ITU-R BT.601 weights); the picture is cropped about its
 * centre to the model's aspect ratio, so nothing is stretched, then each output pixel is the area-weighted mean of the
 * source pixels under it.
 */
public final class GrayImages {

    /** The pixels, each an exact 8-bit level given as level / 255 (as data sets store images), and what was done. */
    public record GrayImage(float[] pixels, int height, int width, String conversion) {
    }

    private GrayImages() {
    }

    /**
     * The picture at {@code height} × {@code width}; with {@code lightOnDark} a mostly light picture is inverted, for a
     * model that knows light strokes on a dark ground (MNIST).
     */
    public static GrayImage read(Path file, int height, int width, boolean lightOnDark) {
        byte[] bytes = IoFailure.readAll(file);
        if (bytes.length == 0) {
            throw new TinymlException(file + " is empty (0 bytes)");
        }
        Decoded decoded = isPgm(bytes) ? pgm(file, bytes) : decode(file, bytes);
        GrayImage image = fit(decoded, height, width);
        return lightOnDark && mean(image.pixels()) > 0.5 ? inverted(image) : image;
    }

    private static GrayImage inverted(GrayImage image) {
        float[] pixels = new float[image.pixels().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) ((255 - Math.round(image.pixels()[i] * 255.0)) / 255.0);
        }
        return new GrayImage(pixels, image.height(), image.width(), image.conversion()
                + ", inverted (dark strokes on a light ground; the model knows light on dark)");
    }

    private static double mean(float[] pixels) {
        double sum = 0;
        for (float p : pixels) {
            sum += p;
        }
        return sum / pixels.length;
    }

    /** A decoded picture in 8-bit gray levels, row-major, and how it was read. */
    private record Decoded(int[] levels, int height, int width, String what) {
    }

    private static Decoded decode(Path file, byte[] bytes) {
        BufferedImage image;
        String format;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
            format = formatName(bytes);
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders throw unchecked exceptions too on damaged files; either way the picture cannot be read
            throw new TinymlException(file + " is not an image that can be decoded (" + e.getMessage() + ")");
        }
        if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
            throw new TinymlException(file + " is not an image that can be decoded (PNG, JPEG, BMP, GIF or PGM)");
        }
        int h = image.getHeight();
        int w = image.getWidth();
        int[] levels = new int[h * w];
        boolean colour = false;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            // a row at a time: per-pixel getRGB made a 20-megapixel wallpaper take over a second
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                colour |= r != g || g != b;
                levels[y * w + x] = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
            }
        }
        return new Decoded(levels, h, w, format + " " + w + "x" + h + (colour ? " colour, to grayscale" : " gray"));
    }

    private static String formatName(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P') {
            return "PNG";
        }
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
            return "JPEG";
        }
        if (bytes.length > 2 && bytes[0] == 'B' && bytes[1] == 'M') {
            return "BMP";
        }
        return bytes.length > 3 && bytes[0] == 'G' && bytes[1] == 'I' ? "GIF" : "image";
    }

    private static boolean isPgm(byte[] bytes) {
        return bytes.length > 2 && bytes[0] == 'P' && (bytes[1] == '2' || bytes[1] == '5');
    }

    /** PGM: "P5" (binary) or "P2" (text), width, height and maximum value, comments after '#'; 8 or 16-bit levels. */
    private static Decoded pgm(Path file, byte[] bytes) {
        boolean binary = bytes[1] == '5';
        int[] at = {2};
        int w = header(file, bytes, at);
        int h = header(file, bytes, at);
        int max = header(file, bytes, at);
        if (w < 1 || h < 1 || max < 1 || max > 65535 || (long) w * h > 100_000_000L) {
            throw new TinymlException(file + ": a PGM header of " + w + "x" + h + ", maximum " + max + " is not an image");
        }
        int[] levels = new int[w * h];
        int width = max > 255 ? 2 : 1;
        int start = at[0] + 1;
        if (binary && bytes.length - start < (long) levels.length * width) {
            throw new TinymlException(file + ": its PGM pixels are cut short (" + (bytes.length - start) + " bytes, "
                    + (long) levels.length * width + " needed)");
        }
        for (int i = 0; i < levels.length; i++) {
            int value = binary ? (width == 1 ? bytes[start + i] & 0xff
                    : (bytes[start + 2 * i] & 0xff) << 8 | bytes[start + 2 * i + 1] & 0xff) : header(file, bytes, at);
            levels[i] = (int) Math.round(Math.min(value, max) * 255.0 / max);
        }
        return new Decoded(levels, h, w, "PGM " + w + "x" + h + " gray");
    }

    /** The next decimal number of a PGM header or text raster, skipping white space and comments. */
    private static int header(Path file, byte[] bytes, int[] at) {
        int i = at[0];
        while (i < bytes.length && (Character.isWhitespace(bytes[i]) || bytes[i] == '#')) {
            if (bytes[i] == '#') {
                while (i < bytes.length && bytes[i] != '\n') {
                    i++;
                }
            } else {
                i++;
            }
        }
        int startAt = i;
        while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9' && i - startAt < 9) {
            i++;
        }
        if (i == startAt) {
            throw new TinymlException(file + ": not a PGM image (byte " + i + " is not a number: "
                    + new String(bytes, startAt, Math.min(8, bytes.length - startAt), StandardCharsets.ISO_8859_1).strip() + ")");
        }
        at[0] = i;
        return Integer.parseInt(new String(bytes, startAt, i - startAt, StandardCharsets.US_ASCII));
    }

    private static GrayImage fit(Decoded image, int height, int width) {
        // the largest centred window with the model's aspect ratio, in source pixels (fractional edges allowed)
        double scale = Math.min(image.width() / (double) width, image.height() / (double) height);
        double cropW = width * scale;
        double cropH = height * scale;
        double left = (image.width() - cropW) / 2;
        double top = (image.height() - cropH) / 2;
        float[] pixels = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int level = (int) Math.round(areaMean(image, left + x * scale, top + y * scale, scale));
                pixels[y * width + x] = (float) (level / 255.0);
            }
        }
        String crop = Math.abs(cropW - image.width()) < 0.5 && Math.abs(cropH - image.height()) < 0.5 ? ""
                : String.format(Locale.ROOT, ", centre-cropped to %.0fx%.0f", cropW, cropH);
        String resize = image.width() == width && image.height() == height ? ", already " + width + "x" + height
                : ", scaled to " + width + "x" + height;
        return new GrayImage(pixels, height, width, image.what() + crop + resize);
    }

    /** The mean level over the square [x0, x0+size) × [y0, y0+size), each source pixel weighted by the area it covers. */
    private static double areaMean(Decoded image, double x0, double y0, double size) {
        double sum = 0;
        double area = 0;
        for (int sy = (int) Math.floor(y0); sy < Math.min(image.height(), Math.ceil(y0 + size)); sy++) {
            double hy = Math.min(sy + 1, y0 + size) - Math.max(sy, y0);
            for (int sx = (int) Math.floor(x0); sx < Math.min(image.width(), Math.ceil(x0 + size)); sx++) {
                double wx = Math.min(sx + 1, x0 + size) - Math.max(sx, x0);
                sum += image.levels()[sy * image.width() + sx] * wx * hy;
                area += wx * hy;
            }
        }
        return sum / area;
    }
}
