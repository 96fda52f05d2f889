package io.tinymlaas.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.core.Rounding;
import io.tinymlaas.tflite.Quantization;
import org.junit.jupiter.api.Test;

class ValueRangeTest {

    @Test
    void rangeOfSineInputsMapsZeroToMinus128AndTwoPiToPlus127() {
        Quantization q = new ValueRange(0f, (float) (2 * Math.PI)).asymmetricInt8();
        assertThat(q.scale()).isCloseTo((float) (2 * Math.PI / 255), within(1e-7f));
        assertThat(q.zeroPoint()).isEqualTo(-128);
        assertThat(q.dequantize(127)).isCloseTo(2 * Math.PI, within(1e-5));
    }

    @Test
    void rangeIsWidenedToIncludeZeroSoThatZeroIsExact() {
        Quantization q = new ValueRange(2f, 4f).asymmetricInt8();
        assertThat(q.zeroPoint()).isEqualTo(-128);
        assertThat(q.scale()).isCloseTo(4f / 255, within(1e-7f));
        Quantization symmetric = new ValueRange(-1f, 1f).asymmetricInt8();
        assertThat(symmetric.dequantize(symmetric.zeroPoint())).isZero();
        assertThat(symmetric.zeroPoint()).isIn(-1, 0);
    }

    @Test
    void roundingTakesHalvesAwayFromZeroLikeStdRound() {
        assertThat(Rounding.halfAwayFromZero(2.5)).isEqualTo(3);
        assertThat(Rounding.halfAwayFromZero(-2.5)).isEqualTo(-3);
        assertThat(Rounding.halfAwayFromZero(-2.4)).isEqualTo(-2);
        assertThat(Math.round(-2.5)).as("Java's own rounding differs").isEqualTo(-2);
    }
}
