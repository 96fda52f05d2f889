package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantizedMultiplierTest {

    @Test
    void halfIsQ31HalfWithNoShift() {
        assertThat(QuantizedMultiplier.of(0.5)).isEqualTo(new QuantizedMultiplier(1 << 30, 0));
    }

    @Test
    void smallMultipliersBecomeAFractionInHalfToOneAndARightShift() {
        QuantizedMultiplier q = QuantizedMultiplier.of(0.0123);
        assertThat(q.multiplier()).isBetween(1 << 30, Integer.MAX_VALUE);
        assertThat(q.shift()).isEqualTo(-6);
        assertThat(q.multiplier() * Math.pow(2, q.shift() - 31)).isCloseTo(0.0123, org.assertj.core.api.Assertions.within(1e-11));
    }

    @Test
    void multipliersAboveOneShiftLeft() {
        QuantizedMultiplier q = QuantizedMultiplier.of(3.0);
        assertThat(q).isEqualTo(new QuantizedMultiplier(3 << 29, 2));
    }

    @Test
    void roundingUpToTwoToThe31MovesIntoTheShift() {
        QuantizedMultiplier q = QuantizedMultiplier.of(Math.nextDown(1.0));
        assertThat(q).isEqualTo(new QuantizedMultiplier(1 << 30, 1));
    }

    @Test
    void vanishinglySmallMultipliersBecomeZero() {
        assertThat(QuantizedMultiplier.of(1e-12)).isEqualTo(new QuantizedMultiplier(0, 0));
    }
}
