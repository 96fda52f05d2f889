package io.tinymlaas.convert;

import io.tinymlaas.core.Rounding;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.train.FloatModel;
import java.util.List;

/** How far the reference interpreter's dequantized outputs of a converted model stray from the float network's. */
final class ReferenceAgreement {

    private ReferenceAgreement() {
    }

    /** The largest absolute difference over every output of every input; {@code bytes} is {@code model} written. */
    static double worstOutputError(TfliteModel model, byte[] bytes, FloatModel network, List<float[]> inputs,
                                   String description) {
        Quantization in = model.input().quantization();
        Quantization out = model.output().quantization();
        double worst = 0;
        try (ReferenceInterpreter reference = ReferenceInterpreter.load(bytes, description)) {
            for (float[] x : inputs) {
                byte[] q = new byte[x.length];
                for (int i = 0; i < x.length; i++) {
                    q[i] = (byte) Math.max(-128, Math.min(127, Rounding.halfAwayFromZero(x[i] / in.scale()) + in.zeroPoint()));
                }
                byte[] y = reference.invoke(q);
                float[] expected = network.predict(x);
                for (int c = 0; c < expected.length; c++) {
                    worst = Math.max(worst, Math.abs(out.dequantize(y[c]) - expected[c]));
                }
            }
        }
        return worst;
    }
}
