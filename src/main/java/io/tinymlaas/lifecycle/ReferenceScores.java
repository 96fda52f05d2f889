package io.tinymlaas.lifecycle;

import io.tinymlaas.data.Split;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference interpreter's answers for every sample of a split: the sample quantized as the int8 model's input, the
 * output bytes (the golden ones every target must match bit for bit) and those outputs dequantized, as quality is
 * judged on them.
 */
public record ReferenceScores(List<byte[]> inputs, List<byte[]> outputs, List<float[]> dequantized) {

    /** Runs {@code bytes}, the file {@code model} was read from ({@code source} names it in errors), on each sample of {@code split}. */
    public static ReferenceScores of(TfliteModel model, byte[] bytes, String source, Split split) {
        Quantization in = model.input().quantization();
        Quantization out = model.output().quantization();
        List<byte[]> inputs = new ArrayList<>(split.size());
        List<byte[]> outputs = new ArrayList<>(split.size());
        List<float[]> dequantized = new ArrayList<>(split.size());
        try (ReferenceInterpreter reference = ReferenceInterpreter.load(bytes, source)) {
            for (float[] x : split.inputs()) {
                byte[] input = ModelInputs.quantize(x, in);
                byte[] output = reference.invoke(input);
                inputs.add(input);
                outputs.add(output);
                dequantized.add(Lifecycle.dequantize(output, out));
            }
        }
        return new ReferenceScores(List.copyOf(inputs), List.copyOf(outputs), List.copyOf(dequantized));
    }
}
