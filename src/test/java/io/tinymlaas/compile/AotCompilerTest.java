package io.tinymlaas.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.SampleModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AotCompilerTest {

    @Test
    void generatedCHasConstWeightsAStaticArenaAndOneCallPerOperator() {
        CompiledModel compiled = AotCompiler.compile(SampleModels.tinyDense(), "ab".repeat(32), "sample.tflite");
        assertThat(compiled.source())
                .contains("static const int8_t tensor1[3]")
                .contains("static const int32_t tensor2[3]")
                .contains("static int8_t tinyml_arena[" + compiled.plan().arenaBytes() + "]")
                .doesNotContain("malloc");
        assertThat(compiled.source().split("tinyml_fully_connected_s8\\(&", -1)).hasSize(3);
        assertThat(compiled.header()).contains("#define TINYML_MODEL_HASH \"" + "ab".repeat(32) + "\"")
                .contains("#define TINYML_MODEL_INPUT_BYTES 1").contains("#define TINYML_MODEL_OUTPUT_BYTES 1");
        assertThat(compiled.constantBytes()).isEqualTo(3 + 3 * 4 + 3 + 4);
    }

    @Test
    void reluIsFusedAsAClampAtTheOutputZeroPoint() {
        TfliteModel model = SampleModels.tinyDense();
        CompiledModel compiled = AotCompiler.compile(model, "00", "sample.tflite");
        int zeroPoint = model.tensor(model.operators().get(0).outputs()[0]).quantization().zeroPoint();
        assertThat(compiled.source()).contains(".activation_min = " + zeroPoint + ",");
    }

    @Test
    void anUnsupportedOperatorStopsCompilationNamingOperatorAndFile() {
        TfliteModel model = SampleModels.tinyDense();
        List<Operator> operators = new ArrayList<>(model.operators());
        Operator first = operators.get(0);
        operators.set(0, new Operator(3, "CONV_2D", first.inputs(), first.outputs(), Activation.NONE));
        TfliteModel withConv = new TfliteModel(model.description(), model.tensors(), operators, model.inputs(), model.outputs());
        assertThatThrownBy(() -> AotCompiler.compile(withConv, "00", "models/vision.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessage("models/vision.tflite: operator #0 CONV_2D is not supported by the compiler (supported: FULLY_CONNECTED)");
    }
}
