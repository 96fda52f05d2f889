package io.tinymlaas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service benchmark's arithmetic and its reading of /proc, on figures made up here: nothing is timed. */
class ServiceBenchFiguresTest {

    private static final String STATUS = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  400000 kB\nVmRSS:\t  262144 kB\n"
            + "RssAnon:\t  200000 kB\nThreads:\t42\n";

    @Test
    void theResidentMemoryIsTheVmRssLineInBytesNotThePeakBeforeIt() {
        assertThat(ResidentMemory.bytesIn(STATUS)).isEqualTo(262_144L * 1024);
    }

    @Test
    void aStatusWithoutVmRssOrWithAnotherUnitIsRefusedByName() {
        assertThatThrownBy(() -> ResidentMemory.bytesIn("Name:\tjava\n")).isInstanceOf(TinymlException.class)
                .hasMessageContaining("no VmRSS line");
        assertThatThrownBy(() -> ResidentMemory.bytesIn("VmRSS:\t 12 MB\n")).isInstanceOf(TinymlException.class)
                .hasMessageContaining("'VmRSS:\t 12 MB'");
    }

    @Test
    void thisJvmHasAResidentMemoryOfAtLeastAMebibyte() {
        assertThat(ResidentMemory.bytesNow()).isGreaterThan(1024 * 1024);
    }

    @Test
    void percentilesAreTheNearestRank() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertThat(LoadFigures.percentile(hundred, 50)).isEqualTo(50);
        assertThat(LoadFigures.percentile(hundred, 99)).isEqualTo(99);
        assertThat(LoadFigures.percentile(new long[] {7, 8, 9}, 50)).isEqualTo(8);
        assertThat(LoadFigures.percentile(new long[] {7, 8, 9}, 99)).isEqualTo(9);
        assertThat(LoadFigures.percentile(new long[] {5}, 0)).isEqualTo(5);
        assertThat(LoadFigures.percentile(new long[0], 99)).isZero();
    }

    @Test
    void figuresPoolEveryClientsLatenciesAndErrorsOverThePhase() {
        Latencies first = new Latencies();
        Latencies second = new Latencies();
        for (int ms = 1; ms <= 2000; ms++) {  // past the recorder's first capacity
            (ms % 2 == 0 ? first : second).answered(ms * 1_000_000L);
        }
        second.failed("POST /api/devices: HTTP 500 boom");
        second.failed("POST /api/devices: HTTP 409 taken");

        LoadFigures figures = LoadFigures.of(List.of(first, second), Duration.ofSeconds(4));

        assertThat(figures.requests()).isEqualTo(2000);
        assertThat(figures.perSecond()).isEqualTo(500.0);
        assertThat(figures.medianMs()).isEqualTo(1000.0);
        assertThat(figures.p99Ms()).isEqualTo(1980.0);
        assertThat(figures.errors()).isEqualTo(2);
        assertThat(second.firstError()).isEqualTo("POST /api/devices: HTTP 500 boom");
    }

    @Test
    void aRowHasOneCellPerHeaderColumnAndTheDayOfTheMeasurement() {
        LoadFigures figures = new LoadFigures(100, 50, 1.5, 9.25, 0);
        ServiceBenchResult result = new ServiceBenchResult("postgresql", "2026-12-07T12:00:00Z", 2, 4, 20, figures, figures, figures,
                1234, 180L << 20, 300L << 20, null, null);

        String header = ServiceBenchResult.markdownHeader().lines().findFirst().orElseThrow();
        assertThat(result.markdownRow().chars().filter(c -> c == '|').count()).isEqualTo(header.chars().filter(c -> c == '|').count());
        assertThat(result.markdownRow()).startsWith("| PostgreSQL | 50 | 1.50 / 9.25 |").contains("(1,234)").contains("| 180 / 300 |")
                .endsWith("| 2026-12-07 |");
    }

    @Test
    void tooFewClientsOrSecondsAreRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> ServiceBench.requireLoad(0, Duration.ofSeconds(20))).isInstanceOf(TinymlException.class)
                .hasMessageContaining("at least one client");
        assertThatThrownBy(() -> ServiceBench.requireLoad(4, Duration.ofSeconds(1))).isInstanceOf(TinymlException.class)
                .hasMessageContaining("at least 2 seconds");
    }
}
