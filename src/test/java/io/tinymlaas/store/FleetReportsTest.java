package io.tinymlaas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetReportsTest {

    @TempDir
    Path dir;

    private Database database;
    private FleetReports reports;
    private long device;

    @BeforeEach
    void openDatabase() {
        database = Database.embedded(dir.resolve("db"));
        reports = new FleetReports(database);
        device = new Devices(database).register("d-1", "arduino_nano_33_ble_sense", "emulator", null, "", List.of()).id();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void pruningDeletesTheReportsHeardBeforeTheCutAndKeepsTheRest() {
        Instant now = Instant.now();
        heard(1, now.minus(Duration.ofHours(25)));
        heard(2, now.minus(Duration.ofHours(23)));
        heard(3, now);

        assertThat(reports.prune(now.minus(Duration.ofHours(24)))).isEqualTo(1);
        assertThat(reports.count(Instant.EPOCH)).isEqualTo(2);
        assertThat(reports.timings(Instant.EPOCH)).extracting(FleetReports.Timing::receivedAt)
                .allMatch(at -> at.isAfter(now.minus(Duration.ofHours(24))));
    }

    @Test
    void aReportHeardAgainAfterPruningIsNoLongerADuplicateButOneStillKeptIs() {
        Instant now = Instant.now();
        heard(1, now.minus(Duration.ofHours(25)));
        heard(2, now);
        reports.prune(now.minus(Duration.ofHours(24)));

        assertThat(heard(2, now)).as("kept: a duplicate").isFalse();
        assertThat(heard(1, now)).as("pruned: stored again").isTrue();
    }

    private boolean heard(long seq, Instant at) {
        return reports.add(device, seq, "heartbeat", at, at, 0, 0, null, null);
    }
}
