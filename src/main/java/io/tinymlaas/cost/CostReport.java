package io.tinymlaas.cost;

import static io.tinymlaas.report.Html.escape;

import io.tinymlaas.report.Charts;
import io.tinymlaas.report.ReportWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The CFO's answer as files: cost.json with every figure, and cost.html with the plot of cost against fleet size. */
public final class CostReport {

    private CostReport() {
    }

    /** Writes cost.json and cost.html into {@code directory}; returns the HTML file. */
    public static Path write(CostEstimate estimate, Path directory) {
        ReportWriter.writeJson(estimate, directory.resolve("cost.json"));
        ReportWriter.writeText(html(estimate), directory.resolve("cost.html"));
        return directory.resolve("cost.html");
    }

    /** The summary the command line prints. */
    public static String text(CostEstimate e) {
        CostEstimate.Measured m = e.measured();
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "measured: %,d instructions per inference on %s (%s, model %s); %,d B of input per inference%n",
                m.instructionsPerInference(), m.ranOn(), m.measuredAt(), m.modelSha256().substring(0, 12), m.inputBytes()));
        line(t, "", "TinyML", "cloud");
        line(t, "latency per inference", ms(e.tinyml().latencyMs()), ms(e.cloud().latencyMs()));
        line(t, "energy per inference", uj(e.tinyml().energyPerInferenceUj()), uj(e.cloud().energyPerInferenceUj()) + " (radio)");
        line(t, "cost per device per year", usd(e.tinyml().usdPerDevicePerYear()), usd(e.cloud().usdPerDevicePerYear()));
        line(t, String.format(Locale.ROOT, "fleet of %,d over %s years", e.fleet(), years(e.years())),
                usd(e.tinyml().fleetTotalUsd()), usd(e.cloud().fleetTotalUsd()));
        line(t, "battery life (chip only)", days(e.tinyml().batteryDays()), days(e.cloud().batteryDays()));
        return t.append(e.verdict()).append(System.lineSeparator()).toString();
    }

    private static void line(StringBuilder t, String name, String tinyml, String cloud) {
        t.append(String.format(Locale.ROOT, "%-34s %-16s %s%n", name, tinyml, cloud));
    }

    static String html(CostEstimate e) {
        String title = "Cloud or TinyML: " + e.example() + " on " + e.board();
        StringBuilder h = new StringBuilder(Charts.pageStart(title));
        h.append("<h1>").append(escape(title)).append("</h1>\n<p><b>").append(escape(e.verdict())).append("</b> (a fleet of ")
                .append(String.format(Locale.ROOT, "%,d", e.fleet())).append(" over ").append(years(e.years())).append(" years).</p>\n");
        h.append(Charts.chart("cost", 420, chartOption(e)));
        h.append("<table><tr><th></th><th>TinyML</th><th>cloud</th></tr>\n");
        row(h, "latency per inference", ms(e.tinyml().latencyMs()), ms(e.cloud().latencyMs()));
        row(h, "energy per inference", uj(e.tinyml().energyPerInferenceUj()), uj(e.cloud().energyPerInferenceUj()) + " (radio)");
        row(h, "cost per device per year", usd(e.tinyml().usdPerDevicePerYear()), usd(e.cloud().usdPerDevicePerYear()));
        row(h, "fleet total over " + years(e.years()) + " years", usd(e.tinyml().fleetTotalUsd()), usd(e.cloud().fleetTotalUsd()));
        row(h, "battery life (chip only)", days(e.tinyml().batteryDays()), days(e.cloud().batteryDays()));
        h.append("</table>\n<h2>Measured</h2>\n<p>").append(String.format(Locale.ROOT, "%,d", e.measured().instructionsPerInference()))
                .append(" instructions per inference on ").append(escape(e.measured().ranOn())).append(", ")
                .append(escape(e.measured().measuredAt())).append(", int8 model sha256 ").append(escape(e.measured().modelSha256()))
                .append("; ").append(e.measured().inputBytes()).append(" B of input per inference.</p>\n");
        h.append(assumptionsSection(e.assumptions())).append("</body></html>\n");
        return h.toString();
    }

    private static Map<String, Object> chartOption(CostEstimate e) {
        List<List<Number>> tinyml = e.curve().stream().map(p -> List.<Number>of(p.fleet(), Math.round(p.tinymlUsd()))).toList();
        List<List<Number>> cloud = e.curve().stream().map(p -> List.<Number>of(p.fleet(), Math.round(p.cloudUsd()))).toList();
        Map<String, Object> tinymlSeries = new LinkedHashMap<>(Map.of("name", "TinyML", "type", "line", "showSymbol", false,
                "data", tinyml));
        if (e.breakEvenFleet() != null) {
            tinymlSeries.put("markLine", Map.of("symbol", "none", "label", Map.of("formatter",
                    String.format(Locale.ROOT, "break-even: %,d devices", Math.round(e.breakEvenFleet()))),
                    "data", List.of(Map.of("xAxis", e.breakEvenFleet()))));
        }
        return Map.of(
                "animation", false,
                "title", Map.of("text", "Total cost over " + years(e.years()) + " years against fleet size"),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 30),
                "grid", Map.of("top", 70, "left", 90, "right", 40),
                "xAxis", Map.of("type", "value", "name", "devices", "nameLocation", "middle", "nameGap", 28),
                "yAxis", Map.of("type", "value", "name", "USD"),
                "series", List.of(tinymlSeries, Map.of("name", "cloud", "type", "line", "showSymbol", false, "data", cloud)));
    }

    /** Every assumption with its value, as a section of a report's page. */
    public static String assumptionsSection(CostAssumptions assumptions) {
        StringBuilder h = new StringBuilder("<h2>Assumptions</h2>\n<table>\n");
        assumptions.byParameter().forEach((name, value) -> h.append("<tr><th>").append(escape(name)).append("</th><td class=\"n\">")
                .append(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()).append("</td></tr>\n"));
        return h.append("</table>\n").toString();
    }

    private static void row(StringBuilder h, String name, String tinyml, String cloud) {
        h.append("<tr><th>").append(escape(name)).append("</th><td class=\"n\">").append(escape(tinyml)).append("</td><td class=\"n\">")
                .append(escape(cloud)).append("</td></tr>\n");
    }

    /** A time in milliseconds, as µs below 1 ms. */
    public static String ms(double value) {
        return value < 1 ? String.format(Locale.ROOT, "%.1f µs", value * 1e3) : String.format(Locale.ROOT, "%.1f ms", value);
    }

    /** An energy in microjoules, as nJ below 1 µJ. */
    public static String uj(double value) {
        return value < 1 ? String.format(Locale.ROOT, "%.1f nJ", value * 1e3) : String.format(Locale.ROOT, "%.2f µJ", value);
    }

    private static String usd(double value) {
        return value < 100 ? String.format(Locale.ROOT, "$%.2f", value) : String.format(Locale.ROOT, "$%,.0f", value);
    }

    private static String days(double value) {
        // a cell loses charge by itself within about ten years, whatever the chip draws
        return value > 3650 ? "over 10 years" : String.format(Locale.ROOT, "%.0f days", value);
    }

    private static String years(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
