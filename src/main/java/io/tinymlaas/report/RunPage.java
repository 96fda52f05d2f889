package io.tinymlaas.report;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dry-run's report.html: the verdict, every stage, the pictures its figures make (training loss, outputs against the
 * truth, confusion matrix) and the figures themselves. One file: the charting library is written into it.
 */
final class RunPage {

    /** Figures drawn as pictures, so not listed again as text. */
    private static final List<String> DRAWN = List.of("confusion", "predictions", "loss_per_epoch");

    private RunPage() {
    }

    static String html(RunReport report) {
        String title = report.example() + " on " + report.target();
        String verdict = report.passed() ? "PASSED" : "FAILED";
        StringBuilder h = new StringBuilder(Charts.pageStart("TinyMLaaS dry-run: " + title,
                Html.VERDICTS + "table.confusion td{min-width:3.5em}"));
        h.append("<h1>").append(Html.escape(title)).append(": <span class=\"").append(verdict).append("\">").append(verdict)
                .append("</span></h1>\n");
        h.append("<p>Started ").append(Html.escape(report.startedAt())).append(", ")
                .append(String.format(Locale.ROOT, "%.1f", report.totalSeconds())).append(" s in all.</p>\n");
        h.append("<h2>Stages</h2>\n<table><tr><th>stage</th><th>result</th><th>seconds</th><th>detail</th></tr>\n");
        for (StageResult stage : report.stages()) {
            h.append("<tr><td>").append(Html.escape(stage.name())).append("</td><td class=\"").append(stage.status()).append("\">")
                    .append(stage.status()).append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.2f", stage.seconds()))
                    .append("</td><td>").append(Html.escape(stage.detail())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        RunFigures figures = report.figures();
        if (figures != null) {
            String charts = RunCharts.loss(figures.training()) + RunCharts.predictions(figures.predictions(), report.target());
            if (!charts.isEmpty()) {
                h.append("<h2>Pictures</h2>\n").append(charts);
            }
            h.append(RunCharts.confusion(figures.confusion()));
            h.append(figureTable(figures));
        }
        return h.append("</body></html>\n").toString();
    }

    private static String figureTable(RunFigures figures) {
        StringBuilder h = new StringBuilder("<h2>Figures</h2>\n<table>\n");
        Map<String, Object> all = ReportWriter.JSON.convertValue(figures, new TypeReference<LinkedHashMap<String, Object>>() { });
        all.keySet().removeAll(DRAWN);
        for (Map.Entry<String, Object> figure : all.entrySet()) {
            h.append("<tr><th>").append(Html.escape(figure.getKey())).append("</th><td>").append(Html.escape(cell(figure.getValue())))
                    .append("</td></tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    /** Short lists are shown one item after another; long ones are left to report.json. */
    private static String cell(Object value) {
        if (value instanceof Collection<?> items) {
            return items.size() > 10 ? items.size() + " values (see report.json)"
                    : String.join("; ", items.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
