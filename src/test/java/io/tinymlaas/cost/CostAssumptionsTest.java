package io.tinymlaas.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.InvalidInputException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CostAssumptionsTest {

    private static CostAssumptions parse(String yaml) {
        return CostAssumptions.parse("my-costs.yaml", new StringReader(yaml));
    }

    private static String defaultsWith(String parameter, String value) {
        return CostAssumptions.defaultText().replaceFirst("(?m)^(  " + parameter + ":) *[^ #\\n]+", "$1 " + value);
    }

    @Test
    void theShippedAssumptionsNameEveryParameterOnceWithItsValue() {
        CostAssumptions defaults = CostAssumptions.defaults();

        assertThat(defaults.byParameter()).containsOnlyKeys(CostAssumptions.PARAMETERS);
        assertThat(defaults.inferencesPerDay()).isEqualTo(86_400);
        assertThat(defaults.cloudUsdPerMillionInferences()).isEqualTo(0.41);
        assertThat(defaults.tinymlCyclesPerInstruction()).isEqualTo(1.25);
    }

    @Test
    void anEditedValueIsRead() {
        assertThat(parse(defaultsWith("inferences_per_day", "1440")).inferencesPerDay()).isEqualTo(1440);
    }

    @Test
    void aMissingParameterIsNamed() {
        String yaml = CostAssumptions.defaultText().replaceFirst("(?m)^  battery_wh:.*\\n", "");

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("assumptions: my-costs.yaml: energy.battery_wh is missing");
    }

    @Test
    void aNegativeParameterIsNamedWithItsLine() {
        String yaml = defaultsWith("usd_per_kwh", "-0.3");
        int line = lineOf(yaml, "usd_per_kwh:");

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InvalidInputException.class)
                .hasMessage("assumptions: my-costs.yaml: line " + line + ": energy.usd_per_kwh must be zero or more, found -0.3");
    }

    @Test
    void aMistypedParameterIsNamedWithItsLineAndWhatWasFound() {
        String yaml = defaultsWith("round_trip_latency_ms", "fast");
        int line = lineOf(yaml, "round_trip_latency_ms:");

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InvalidInputException.class)
                .hasMessage("assumptions: my-costs.yaml: line " + line + ": cloud.round_trip_latency_ms must be a number, found 'fast'");
    }

    @Test
    void anUnknownParameterIsRefusedListingTheKnownOnes() {
        String yaml = CostAssumptions.defaultText().replace("  battery_wh: 3.7", "  battery_wh: 3.7\n  batery_days: 10");

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line " + lineOf(yaml, "batery_days") + ": energy.batery_days is not a parameter of the cost model")
                .hasMessageContaining("energy.battery_wh");
    }

    @Test
    void zeroCyclesPerInstructionIsRefused() {
        assertThatThrownBy(() -> parse(defaultsWith("cycles_per_instruction", "0")))
                .hasMessageContaining("tinyml.cycles_per_instruction must be more than 0");
    }

    @Test
    void aFileThatIsNotYamlIsRefusedWithoutAStackTraceInTheMessage() {
        assertThatThrownBy(() -> parse("workload: [unclosed")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("assumptions: my-costs.yaml: is not valid YAML").doesNotHaveToString("\tat ");
    }

    private static int lineOf(String yaml, String text) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in the YAML");
    }
}
