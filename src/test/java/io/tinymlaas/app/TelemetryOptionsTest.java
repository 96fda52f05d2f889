package io.tinymlaas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TelemetryOptionsTest {

    @Test
    void reportsAreKeptADayUnlessToldOtherwise() {
        assertThat(TelemetryOptions.moquette("127.0.0.1", 0).keepReports()).isEqualTo(Duration.ofDays(1));
        assertThat(TelemetryOptions.moquette("127.0.0.1", 0).keepingReports(Duration.ofHours(2)).keepReports())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void keepingReportsShorterThanTheDashboardsFailureChartIsRefusedSayingWhy() {
        assertThatThrownBy(() -> TelemetryOptions.moquette("127.0.0.1", 0).keepingReports(Duration.ofMinutes(29)))
                .isInstanceOf(TinymlException.class).hasMessageContaining("at least 30 minutes").hasMessageContaining("not 29");
    }
}
