package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.tflite.OperatorSpec;
import io.tinymlaas.tflite.Operators;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class LoweringsTest {

    @Test
    void everyRegisteredOperatorHasALoweringAndNoLoweringLacksASpec() {
        for (OperatorSpec spec : Operators.all()) {
            assertThat(Lowerings.of(spec.code())).as(spec.name()).isNotNull();
        }
        assertThat(Lowerings.supported())
                .containsExactlyInAnyOrderElementsOf(Operators.all().stream().map(OperatorSpec::name).toList());
    }

    @Test
    void anOperatorWithoutSpecHasNoLowering() {
        assertThat(Operators.byCode(BuiltinOperator.HARD_SWISH)).isNull();
        assertThat(Lowerings.of(BuiltinOperator.HARD_SWISH)).isNull();
    }
}
