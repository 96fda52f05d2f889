package io.tinymlaas.cost;

import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.IoFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The cost model's assumptions, every one a named parameter of a YAML file users edit and version. A file that lacks
 * one, or gives one that is negative or not a number, is refused naming the parameter and its line.
 */
public record CostAssumptions(
        double inferencesPerDay, double modelUpdatesPerYear,
        double cloudUsdPerMillionInferences, double cloudUsdPerMillionMessages, double cloudUsdPerGbTransferred,
        double cloudPayloadBytesPerInference, double cloudRoundTripLatencyMs, double cloudRadioNjPerByte,
        double cloudDeviceUnitPriceUsd, double cloudEngineeringUsd,
        double tinymlEngineeringUsdPerModel, double tinymlOtaUsdPerDeviceUpdate, double tinymlCyclesPerInstruction,
        double usdPerKwh, double batteryWh) {

    /** The parameters in the order of the record's components, as section.name. */
    static final List<String> PARAMETERS = List.of(
            "workload.inferences_per_day", "workload.model_updates_per_year",
            "cloud.usd_per_million_inferences", "cloud.usd_per_million_messages", "cloud.usd_per_gb_transferred",
            "cloud.payload_bytes_per_inference", "cloud.round_trip_latency_ms", "cloud.radio_nj_per_byte",
            "cloud.device_unit_price_usd", "cloud.engineering_usd",
            "tinyml.engineering_usd_per_model", "tinyml.ota_usd_per_device_update", "tinyml.cycles_per_instruction",
            "energy.usd_per_kwh", "energy.battery_wh");

    private static final String DEFAULTS = "/cost/assumptions.yaml";

    /** Every parameter by its name in the YAML file, in the file's order. */
    public Map<String, Double> byParameter() {
        double[] values = {inferencesPerDay, modelUpdatesPerYear, cloudUsdPerMillionInferences, cloudUsdPerMillionMessages,
            cloudUsdPerGbTransferred, cloudPayloadBytesPerInference, cloudRoundTripLatencyMs, cloudRadioNjPerByte,
            cloudDeviceUnitPriceUsd, cloudEngineeringUsd, tinymlEngineeringUsdPerModel, tinymlOtaUsdPerDeviceUpdate,
            tinymlCyclesPerInstruction, usdPerKwh, batteryWh};
        Map<String, Double> named = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            named.put(PARAMETERS.get(i), values[i]);
        }
        return named;
    }

    /** The assumptions this project ships, with where each figure came from in its comments. */
    public static String defaultText() {
        try (InputStream in = CostAssumptions.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS + " from the class path", e);
        }
    }

    public static CostAssumptions defaults() {
        return parse(DEFAULTS, new StringReader(defaultText()));
    }

    public static CostAssumptions read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader);
        } catch (IOException e) {
            throw new InvalidInputException("assumptions", file + ": cannot read it: " + IoFailure.reason(e));
        }
    }

    /** Parameters sent as text (e.g. in a request to the service); {@code name} is what refusals call them. */
    public static CostAssumptions parse(String name, String yaml) {
        return parse(name, new StringReader(yaml));
    }

    static CostAssumptions parse(String name, Reader yaml) {
        Node root;
        try {
            root = new Yaml().compose(yaml);
        } catch (YAMLException e) {
            throw refused(name, "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof MappingNode sections)) {
            throw refused(name, "must be a mapping of the sections workload, cloud, tinyml and energy");
        }
        Map<String, ScalarNode> values = new LinkedHashMap<>();
        for (NodeTuple section : sections.getValue()) {
            String sectionName = key(name, section);
            if (!(section.getValueNode() instanceof MappingNode parameters)) {
                throw refused(name, "line " + line(section.getValueNode()) + ": " + sectionName + " must be a mapping of parameters");
            }
            for (NodeTuple parameter : parameters.getValue()) {
                String path = sectionName + "." + key(name, parameter);
                if (!PARAMETERS.contains(path)) {
                    throw refused(name, "line " + line(parameter.getKeyNode()) + ": " + path
                            + " is not a parameter of the cost model; they are " + String.join(", ", PARAMETERS));
                }
                if (!(parameter.getValueNode() instanceof ScalarNode scalar)) {
                    throw refused(name, "line " + line(parameter.getValueNode()) + ": " + path + " must be a number");
                }
                values.put(path, scalar);
            }
        }
        double[] numbers = new double[PARAMETERS.size()];
        for (int i = 0; i < numbers.length; i++) {
            String path = PARAMETERS.get(i);
            ScalarNode scalar = values.get(path);
            if (scalar == null) {
                throw refused(name, path + " is missing; every parameter needs a value (see bin/tinyml cost --print-assumptions)");
            }
            numbers[i] = number(name, path, scalar);
        }
        if (numbers[PARAMETERS.indexOf("tinyml.cycles_per_instruction")] == 0) {
            throw refused(name, "line " + line(values.get("tinyml.cycles_per_instruction"))
                    + ": tinyml.cycles_per_instruction must be more than 0");
        }
        return new CostAssumptions(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6], numbers[7],
                numbers[8], numbers[9], numbers[10], numbers[11], numbers[12], numbers[13], numbers[14]);
    }

    private static double number(String name, String path, ScalarNode scalar) {
        double value;
        try {
            value = Double.parseDouble(scalar.getValue().strip());
        } catch (NumberFormatException e) {
            throw refused(name, "line " + line(scalar) + ": " + path + " must be a number, found '" + scalar.getValue() + "'");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw refused(name, "line " + line(scalar) + ": " + path + " must be zero or more, found " + scalar.getValue());
        }
        return value;
    }

    private static String key(String name, NodeTuple tuple) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
            throw refused(name, "line " + line(tuple.getKeyNode()) + ": keys must be plain names");
        }
        return key.getValue();
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static InvalidInputException refused(String name, String why) {
        return new InvalidInputException("assumptions", name + ": " + why);
    }
}
