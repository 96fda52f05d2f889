package io.tinymlaas.cascade;

import static io.tinymlaas.cost.CostReport.ms;
import static io.tinymlaas.cost.CostReport.uj;
import static io.tinymlaas.report.Html.escape;

import io.tinymlaas.cost.CostReport;
import io.tinymlaas.report.Charts;
import io.tinymlaas.report.ReportWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The cascade as files: cascade.json with every figure, cascade.html with the trade-off of accuracy against cost. */
public final class CascadeReport {

    private CascadeReport() {
    }

    /** Writes cascade.json and cascade.html into {@code directory}; returns the HTML file. */
    public static Path write(CascadeResult result, Path directory) {
        ReportWriter.writeJson(result, directory.resolve("cascade.json"));
        ReportWriter.writeText(html(result), directory.resolve("cascade.html"));
        return directory.resolve("cascade.html");
    }

    /** The table the command line prints: one row for the device alone, one for the cloud alone, one per threshold. */
    public static String text(CascadeResult r) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "held out: %,d samples%n", r.heldOutSamples()));
        t.append("device: ").append(r.deviceModel()).append(System.lineSeparator());
        t.append("cloud:  ").append(r.cloudModel()).append(System.lineSeparator());
        t.append(String.format(Locale.ROOT, "one inference: device %s, %s, %s; cloud %s round trip, %s (fees and radio), %s radio%n",
                ms(r.perInference().deviceMs()), uj(r.perInference().deviceJoules() * 1e6), usd(r.perInference().deviceUsd()),
                ms(r.perInference().roundTripMs()), usd(r.perInference().cloudUsd()), uj(r.perInference().radioJoules() * 1e6)));
        t.append(String.format(Locale.ROOT, "%-16s %-9s %-9s %-9s %-15s %-11s %s%n", "", "threshold", "to cloud", "accuracy",
                "cost per 1,000", "latency", "device energy"));
        row(t, "device alone", r.deviceOnly());
        row(t, "cloud alone", r.cloudOnly());
        r.sweep().forEach(point -> row(t, "cascade", point));
        return t.toString();
    }

    private static void row(StringBuilder t, String name, CascadePoint p) {
        t.append(String.format(Locale.ROOT, "%-16s %-9s %-9s %-9.4f %-15s %-11s %s%n", name,
                p.threshold() == null ? "-" : String.format(Locale.ROOT, "%.2f", p.threshold()), percent(p.escalatedShare()),
                p.accuracy(), usd(p.usdPerThousand()), ms(p.latencyMs()), uj(p.deviceEnergyUj())));
    }

    static String html(CascadeResult r) {
        String title = "Cascade of TinyML and cloud: " + r.example() + " on " + r.board();
        StringBuilder h = new StringBuilder(Charts.pageStart(title));
        h.append("<h1>").append(escape(title)).append("</h1>\n<p>The device answers every sample with its int8 model; a sample whose ")
                .append("confidence (its highest class score) is below the threshold also goes to the cloud's float model, whose answer ")
                .append("then counts. Cost per 1,000 inferences = 1,000 × (device + share sent × cloud); latency = device + share sent × ")
                .append("round trip. On ").append(String.format(Locale.ROOT, "%,d", r.heldOutSamples())).append(" held-out samples.</p>\n");
        h.append(Charts.chart("tradeoff", 460, chartOption(r)));
        h.append("<table><tr><th></th><th>threshold</th><th>sent to the cloud</th><th>accuracy</th><th>cost per 1,000</th>"
                + "<th>latency</th><th>device energy</th></tr>\n");
        tableRow(h, "device alone", r.deviceOnly());
        tableRow(h, "cloud alone", r.cloudOnly());
        r.sweep().forEach(point -> tableRow(h, "cascade", point));
        h.append("</table>\n<h2>Models</h2>\n<p>Device: ").append(escape(r.deviceModel())).append("</p>\n<p>Cloud: ")
                .append(escape(r.cloudModel())).append("</p>\n").append(CostReport.assumptionsSection(r.assumptions()))
                .append("</body></html>\n");
        return h.toString();
    }

    private static void tableRow(StringBuilder h, String name, CascadePoint p) {
        h.append("<tr><th>").append(name).append("</th>");
        for (String cell : List.of(p.threshold() == null ? "" : String.format(Locale.ROOT, "%.2f", p.threshold()),
                percent(p.escalatedShare()), String.format(Locale.ROOT, "%.4f", p.accuracy()), usd(p.usdPerThousand()), ms(p.latencyMs()),
                uj(p.deviceEnergyUj()))) {
            h.append("<td class=\"n\">").append(escape(cell)).append("</td>");
        }
        h.append("</tr>\n");
    }

    private static Map<String, Object> chartOption(CascadeResult r) {
        List<Map<String, Object>> cascade = new ArrayList<>();
        Double previousShare = null;
        for (CascadePoint p : r.sweep()) {
            // thresholds that send the same share land on one point: only the first is labelled, or the labels overprint
            boolean samePoint = previousShare != null && previousShare == p.escalatedShare();
            previousShare = p.escalatedShare();
            cascade.add(Map.of("value", List.of(p.usdPerThousand(), p.accuracy()),
                    "name", String.format(Locale.ROOT, "threshold %.2f, %s sent to the cloud", p.threshold(), percent(p.escalatedShare())),
                    "label", Map.of("show", !samePoint, "formatter", String.format(Locale.ROOT, "%.2f", p.threshold()))));
        }
        Map<String, Object> cascadeSeries = new LinkedHashMap<>(Map.of("name", "cascade (labels: threshold)", "type", "line",
                "symbolSize", 8, "data", cascade));
        cascadeSeries.put("label", Map.of("position", "right", "fontSize", 11));
        return Map.of(
                "animation", false,
                "title", Map.of("text", "Accuracy on held-out data against cost per 1,000 inferences"),
                "tooltip", Map.of("trigger", "item"),
                "legend", Map.of("top", 30),
                "grid", Map.of("top", 70, "left", 80, "right", 60),
                "xAxis", Map.of("type", "value", "name", "USD per 1,000 inferences", "nameLocation", "middle", "nameGap", 28),
                "yAxis", Map.of("type", "value", "name", "accuracy", "scale", true),
                "series", List.of(cascadeSeries, marked("device alone", "diamond", r.deviceOnly()),
                        marked("cloud alone", "triangle", r.cloudOnly())));
    }

    private static Map<String, Object> marked(String name, String symbol, CascadePoint p) {
        return Map.of("name", name, "type", "scatter", "symbol", symbol, "symbolSize", 18, "z", 3,
                "label", Map.of("show", true, "position", "top", "formatter", name, "fontWeight", "bold"),
                "data", List.of(Map.of("value", List.of(p.usdPerThousand(), p.accuracy()), "name", name)));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** Three significant digits; the device's energy costs so little per inference that plain decimals would show zeros. */
    static String usd(double value) {
        return value != 0 && Math.abs(value) < 1e-4 ? String.format(Locale.ROOT, "$%.2e", value)
                : "$" + new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
