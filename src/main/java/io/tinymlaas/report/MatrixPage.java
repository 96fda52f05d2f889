package io.tinymlaas.report;

import io.tinymlaas.report.MatrixReport.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A board matrix's matrix.html: the table of matrix.md, and per target that ran, bar charts of its instructions per
 * inference, flash and RAM beside TensorFlow Lite Micro's published figures for the same example on the same core.
 */
final class MatrixPage {

    static final String INSTRUCTIONS_ID = "instructions";
    static final String FLASH_ID = "flash";
    static final String RAM_ID = "ram";

    /** ECharts' mark for a bar with no value: a figure not measured, or TFLM's not known for that core. */
    private static final String NONE = "-";

    private MatrixPage() {
    }

    /** {@code coreOf} names a target's core (a board's), or gives the target itself back (x86). */
    static String html(MatrixReport matrix, UnaryOperator<String> coreOf) {
        TflmReference.Measurements published = TflmReference.load();
        List<Row> measured = matrix.rows().stream().filter(r -> r.flashBytes() != null).toList();
        List<Optional<TflmReference>> theirs = measured.stream()
                .map(r -> published.find(matrix.example(), coreOf.apply(r.target()))).toList();
        StringBuilder h = new StringBuilder(Charts.pageStart("TinyMLaaS board matrix: " + matrix.example(), Html.VERDICTS));
        h.append("<h1>").append(Html.escape(matrix.example())).append(" on ").append(matrix.rows().size()).append(" targets</h1>\n");
        if (!measured.isEmpty()) {
            List<String> targets = measured.stream().map(Row::target).toList();
            h.append("<h2>Per target beside TensorFlow Lite Micro</h2>\n<p>TFLM's figures are for its own model of the example on "
                    + "the same emulated core, where known; a missing bar is a figure not known. ")
                    .append(Html.escape(published.provenance())).append(".</p>\n");
            h.append(bars(INSTRUCTIONS_ID, "Instructions per inference", "instructions", true, targets, List.of(
                    series("ours", measured, Row::instructionsPerInference),
                    series("TFLM reference kernels", published(theirs, TflmReference::referenceKernelsInstructions)),
                    series("TFLM with CMSIS-NN", published(theirs, TflmReference::cmsisNnInstructions)))));
            h.append(bars(FLASH_ID, "Flash", "bytes", false, targets, List.of(
                    series("ours", measured, Row::flashBytes),
                    series("TFLM: runtime text without the model", published(theirs, TflmReference::runtimeTextBytes)))));
            h.append(bars(RAM_ID, "RAM", "bytes", false, targets, List.of(
                    series("ours: RAM (incl. 2 KiB stack)", measured, Row::ramBytes),
                    series("ours: activation arena", measured, r -> r.arenaBytes() == null ? null : r.arenaBytes().longValue()),
                    series("TFLM: activation arena", published(theirs, TflmReference::arenaBytes)))));
        }
        return h.append("<h2>Every target</h2>\n").append(table(matrix, coreOf)).append("</body></html>\n").toString();
    }

    private static String table(MatrixReport matrix, UnaryOperator<String> coreOf) {
        StringBuilder h = new StringBuilder("<table><tr><th>target</th><th>core</th><th>verdict</th><th>instructions / inference</th>"
                + "<th>flash B</th><th>RAM B</th><th>arena B</th><th>reason</th></tr>\n");
        for (Row r : matrix.rows()) {
            h.append("<tr><td>").append(Html.escape(r.target())).append("</td><td>").append(Html.escape(coreOf.apply(r.target())))
                    .append("</td><td class=\"").append(r.verdict()).append("\">").append(r.verdict()).append("</td>")
                    .append(number(r.instructionsPerInference())).append(number(r.flashBytes())).append(number(r.ramBytes()))
                    .append(number(r.arenaBytes() == null ? null : r.arenaBytes().longValue()))
                    .append("<td>").append(Html.escape(r.reason())).append("</td></tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    /**
     * One bar per target and series, leaving out a series with no figure at all, and the chart when none has one;
     * instructions differ by orders of magnitude between us and TFLM, so theirs go on a log axis.
     */
    private static String bars(String id, String title, String unit, boolean logarithmic, List<String> targets,
                               List<Series> all) {
        List<Map<String, Object>> series = all.stream().filter(Series::known)
                .map(s -> Map.<String, Object>of("type", "bar", "name", s.name(), "data", s.values())).toList();
        if (series.isEmpty()) {
            return "";
        }
        return Charts.chart(id, 360, Map.of(
                "animation", false,
                "title", Map.of("text", title),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 28),
                "grid", Map.of("top", 70, "left", 90, "right", 20, "bottom", 90),
                "xAxis", Map.of("type", "category", "data", targets, "axisLabel", Map.of("rotate", 30, "interval", 0)),
                "yAxis", Map.of("type", logarithmic ? "log" : "value", "name", unit),
                "series", series));
    }

    /** One figure per target, a missing one as {@link #NONE}. */
    private record Series(String name, List<Object> values) {

        boolean known() {
            return values.stream().anyMatch(value -> !NONE.equals(value));
        }
    }

    private static <T> Series series(String name, List<T> rows, Function<T, Long> figure) {
        List<Object> values = new ArrayList<>();
        rows.forEach(row -> values.add(Optional.ofNullable(figure.apply(row)).<Object>map(v -> v).orElse(NONE)));
        return new Series(name, values);
    }

    private static Series series(String name, List<Long> figures) {
        return series(name, figures, Function.identity());
    }

    private static List<Long> published(List<Optional<TflmReference>> theirs, Function<TflmReference, Long> figure) {
        return theirs.stream().map(reference -> reference.map(figure).orElse(null)).toList();
    }

    private static String number(Long value) {
        return "<td class=\"n\">" + (value == null ? "–" : String.format(Locale.ROOT, "%,d", value)) + "</td>";
    }
}
