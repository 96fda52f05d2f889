package io.tinymlaas.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final String SHA = "a".repeat(64);
    private static final String MODEL = "b".repeat(64);

    @Test
    void everyReportABridgeSendsReadsBackAsItself() {
        for (Report report : new Report[] {
                Report.heartbeat(3, 10, Report.RUNNING, SHA, MODEL, 2000, null),
                Report.heartbeat(3, 11, Report.FAILED, null, null, 2000, "the firmware did not answer HELLO"),
                Report.telemetry(3, 12, SHA, MODEL, false, 1102L, 17.2, null),
                Report.telemetry(3, 13, SHA, MODEL, true, null, null, "inference 0 did not finish")}) {
            assertThat(Report.parse(report.json())).isEqualTo(report);
        }
    }

    @Test
    void aMessageThatIsNoReportIsRefusedSayingWhy() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(Report.MalformedReport.class).hasMessageStartingWith("not a report");
        assertThatThrownBy(() -> parse("{\"kind\":\"gossip\",\"deviceId\":1,\"seq\":1,\"sentAtMillis\":1}"))
                .hasMessageContaining("kind is 'gossip'");
        assertThatThrownBy(() -> parse("{\"kind\":\"heartbeat\",\"seq\":1,\"sentAtMillis\":1,\"state\":\"running\"}"))
                .hasMessageContaining("deviceId must be a device's id, not 0");
        assertThatThrownBy(() -> parse("{\"kind\":\"heartbeat\",\"deviceId\":1,\"seq\":1,\"sentAtMillis\":1,\"state\":\"running\","
                + "\"firmwareSha256\":\"" + SHA + "\",\"modelHash\":\"xyz\",\"intervalMillis\":2000}"))
                .hasMessageContaining("modelHash must be 64 lowercase hex digits, not xyz");
        assertThatThrownBy(() -> parse("{\"kind\":\"telemetry\",\"deviceId\":1,\"seq\":1,\"sentAtMillis\":1,\"firmwareSha256\":\""
                + SHA + "\",\"modelHash\":\"" + MODEL + "\",\"inferences\":1,\"errors\":0,\"extra\":1}"))
                .hasMessageContaining("extra");
        assertThatThrownBy(() -> parse("null")).hasMessageContaining("JSON null");
    }

    private static Report parse(String json) {
        return Report.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
