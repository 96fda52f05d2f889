package io.tinymlaas.lifecycle;

import io.tinymlaas.core.Rounding;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.GrayImages;
import io.tinymlaas.data.GrayImages.GrayImage;
import io.tinymlaas.data.audio.FrontEnd;
import io.tinymlaas.data.audio.KeywordClips;
import io.tinymlaas.data.audio.Recording;
import io.tinymlaas.lifecycle.NetworkTester.InputFormat;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A user's files turned into a model's input tensors by the examples' own preprocessing, chosen by what the file is:
 * a WAV goes through micro_speech's audio front end (for a model whose input is its 49 × 40 features), a picture is made
 * grayscale at the model's height × width with pixels p / 255, anything else is read as text numbers. Every file is
 * read before any is refused, so one message names each bad file with its reason.
 */
public final class ModelInputs {

    /** One file's input tensors (a text file may hold several) and how they were made from it. */
    public record FileInputs(Path file, List<byte[]> tensors, String conversion) {
    }

    /**
     * How pictures are made into inputs: {@code lightOnDark} inverts a picture that is mostly light, for a model trained
     * on light strokes on a dark ground (MNIST); each 8-bit level becomes (level - mean) / std, as a model's metadata
     * states its normalization (ours: mean 0, std 255, so p / 255).
     */
    public record ImagePolicy(boolean lightOnDark, float mean, float std) {

        /** Levels as p / 255, the way our examples train. */
        public ImagePolicy(boolean lightOnDark) {
            this(lightOnDark, 0f, 255f);
        }
    }

    private static final List<String> AUDIO = List.of(".wav", ".wave");
    private static final List<String> IMAGES = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif", ".pgm");

    private ModelInputs() {
    }

    public static List<FileInputs> read(List<Path> files, Tensor input, ImagePolicy images) {
        if (files.isEmpty()) {
            throw new TinymlException("no file to classify; name one or more WAV, image or text files");
        }
        List<FileInputs> read = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            try {
                read.add(read(file, input, images));
            } catch (TinymlException e) {
                refused.add(e.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            throw new TinymlException(refused.size() == 1 ? refused.get(0)
                    : refused.size() + " of " + files.size() + " files refused:\n  " + String.join("\n  ", refused));
        }
        return read;
    }

    static FileInputs read(Path file, Tensor input, ImagePolicy images) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (AUDIO.stream().anyMatch(name::endsWith)) {
            return audio(file, input);
        }
        if (IMAGES.stream().anyMatch(name::endsWith)) {
            return image(file, input, images);
        }
        List<byte[]> tensors = NetworkTester.readInputs(file, List.of(input), InputFormat.TEXT).tensors();
        return new FileInputs(file, tensors, tensors.size() + " input(s) of " + input.elementCount() + " numbers");
    }

    private static FileInputs audio(Path file, Tensor input) {
        if (input.elementCount() != FrontEnd.FEATURES) {
            throw new TinymlException(file + ": a WAV needs a keyword model whose input is the audio front end's "
                    + FrontEnd.FEATURES + " features (49x40), but this model's input is " + Arrays.toString(input.shape()));
        }
        KeywordClips.Clips clips = KeywordClips.of(Recording.read(file), KeywordClips.Fit.LOUDEST);
        byte[] features = new FrontEnd().features(clips.clips().get(0));
        return new FileInputs(file, List.of(tensor(FrontEnd.toModelInput(features), input)), clips.conversion()
                + ", through the audio front end to 49x40 features");
    }

    private static FileInputs image(Path file, Tensor input, ImagePolicy policy) {
        int[] side = imageSide(file, input);
        GrayImage image = GrayImages.read(file, side[0], side[1], policy.lightOnDark());
        float[] values = new float[image.pixels().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((Math.round(image.pixels()[i] * 255.0) - policy.mean()) / policy.std());
        }
        String normalization = policy.mean() == 0f && policy.std() == 255f ? "pixels p/255"
                : "pixels (p - " + policy.mean() + ") / " + policy.std() + " as the model's metadata says";
        return new FileInputs(file, List.of(tensor(values, input)), image.conversion() + ", " + normalization);
    }

    /** Height and width of a picture input: its shape without a leading batch and a trailing single channel. */
    static int[] imageSide(Path file, Tensor input) {
        int[] shape = input.shape();
        int from = shape.length > 2 && shape[0] == 1 ? 1 : 0;
        int to = shape.length - from > 2 && shape[shape.length - 1] == 1 ? shape.length - 1 : shape.length;
        if (to - from != 2 || shape[from] < 2 || shape[from + 1] < 2) {
            throw new TinymlException(file + ": a picture needs a model whose input is one grayscale image, but this model's "
                    + "input is " + Arrays.toString(shape));
        }
        return new int[] {shape[from], shape[from + 1]};
    }

    /** Real values as the input tensor's bytes: quantized for an int8 input, little-endian floats for a float32 one. */
    static byte[] tensor(float[] values, Tensor input) {
        if (input.type() == TensorType.FLOAT32) {
            ByteBuffer out = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                out.putFloat(v);
            }
            return out.array();
        }
        return quantize(values, input.quantization());
    }

    /** int8 values of real ones: round half away from zero, clamped to [-128, 127], as the converter calibrates. */
    static byte[] quantize(float[] values, Quantization q) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            long v = Rounding.halfAwayFromZero(values[i] / (double) q.scale()) + q.zeroPoint();
            out[i] = (byte) Math.max(-128, Math.min(127, v));
        }
        return out;
    }
}
