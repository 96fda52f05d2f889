package io.tinymlaas.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DenseInt8SimulationTest {

    /** Every int8 input of two hello_world models: the simulation is what the converter judges its choice by. */
    @Test
    void agreesWithTheReferenceInterpreterToWithinOneRoundingStepOnEveryInput() throws Exception {
        for (String name : new String[] {"hello_world_quality_miss.tflite", "hello_world_input_minus77_off_by_one.tflite"}) {
            byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/regressions", name));
            TfliteModel model = TfliteReader.read(bytes, name);
            float inScale = model.input().quantization().scale();
            int inZero = model.input().quantization().zeroPoint();
            int differing = 0;
            try (ReferenceInterpreter reference = ReferenceInterpreter.load(bytes, name)) {
                for (int q = -128; q <= 127; q++) {
                    double expected = model.output().quantization().dequantize(reference.invoke(new byte[] {(byte) q})[0]);
                    double simulated = DenseInt8Simulation.run(model, new float[] {(q - inZero) * inScale})[0];
                    assertThat(Math.abs(simulated - expected)).as("%s, input %d", name, q)
                            .isLessThanOrEqualTo(model.output().quantization().scale() * 1.001);
                    differing += simulated == expected ? 0 : 1;
                }
            }
            assertThat(differing).as("%s: inputs whose output differs by one step", name).isLessThanOrEqualTo(4);
        }
    }
}
