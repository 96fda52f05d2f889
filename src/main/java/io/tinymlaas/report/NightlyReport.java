package io.tinymlaas.report;

import static io.tinymlaas.report.Html.escape;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.MatrixReport.Verdict;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The CTO's nightly report: every example on every target in one HTML page (verdict, instructions, flash, RAM, quality,
 * a link to each cell's own report) and the same cells as JUnit XML, which CI systems show as tests: a failed cell is a
 * failure, a target no emulator here runs is a skipped test saying why.
 */
public final class NightlyReport {

    /**
     * One example's matrix, its runs and each run's own report.html, one per target in the matrix's order; a page is null
     * where there is none to link (a target no emulator here runs, on the job engine; a run whose worker's disk this is not).
     */
    public record Example(MatrixReport matrix, List<RunReport> runs, List<Path> runPages) {
    }

    private NightlyReport() {
    }

    /** Writes index.html and junit.xml into {@code directory}; returns the HTML file. */
    public static Path write(List<Example> examples, String startedAt, Path directory) {
        ReportWriter.writeText(html(examples, startedAt, directory), directory.resolve("index.html"));
        ReportWriter.writeText(junit(examples), directory.resolve("junit.xml"));
        return directory.resolve("index.html");
    }

    static String html(List<Example> examples, String startedAt, Path directory) {
        long cells = examples.stream().mapToLong(e -> e.matrix().rows().size()).sum();
        long failed = count(examples, Verdict.FAILED);
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>TinyMLaaS nightly dry-run</title>\n<style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}td:last-child{max-width:50em}"
                + "td.n{text-align:right}.PASSED{color:#070}.FAILED{color:#b00;font-weight:bold}.CANNOT_RUN_HERE{color:#888}"
                + "</style></head><body>\n<h1>Nightly dry-run: every example on every target</h1>\n");
        h.append(String.format(Locale.ROOT, "<p>Started %s. %d cells: %d passed, %d failed, %d cannot run here.</p>%n",
                escape(startedAt), cells, count(examples, Verdict.PASSED), failed, count(examples, Verdict.CANNOT_RUN_HERE)));
        for (Example example : examples) {
            // the model is made once per example, so its quality is the same in every cell
            String quality = example.runs().stream().map(NightlyReport::quality).filter(text -> !text.isEmpty()).findFirst()
                    .orElse("not judged (no run got that far)");
            h.append("<h2>").append(escape(example.matrix().example())).append("</h2>\n<p>Quality on held-out data: ")
                    .append(escape(quality)).append("</p>\n<table><tr><th>target</th><th>verdict</th>"
                    + "<th>instructions / inference</th><th>flash B</th><th>RAM B</th><th>why not</th></tr>\n");
            for (int i = 0; i < example.matrix().rows().size(); i++) {
                MatrixReport.Row row = example.matrix().rows().get(i);
                Path page = example.runPages().get(i);
                h.append("<tr><td>").append(page == null ? escape(row.target()) : "<a href=\"" + escape(directory.toAbsolutePath()
                        .relativize(page.toAbsolutePath()).toString()) + "\">" + escape(row.target()) + "</a>").append("</td><td class=\"")
                        .append(row.verdict()).append("\">").append(row.verdict()).append("</td><td class=\"n\">")
                        .append(number(row.instructionsPerInference())).append("</td><td class=\"n\">").append(number(row.flashBytes()))
                        .append("</td><td class=\"n\">").append(number(row.ramBytes())).append("</td><td>")
                        .append(row.verdict() == Verdict.PASSED ? "" : escape(row.reason())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    static String junit(List<Example> examples) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "tinyml nightly dry-run");
            for (Example example : examples) {
                List<MatrixReport.Row> rows = example.matrix().rows();
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", example.matrix().example());
                xml.writeAttribute("tests", String.valueOf(rows.size()));
                xml.writeAttribute("failures", String.valueOf(rows.stream().filter(r -> r.verdict() == Verdict.FAILED).count()));
                xml.writeAttribute("skipped", String.valueOf(rows.stream().filter(r -> r.verdict() == Verdict.CANNOT_RUN_HERE).count()));
                for (int i = 0; i < rows.size(); i++) {
                    MatrixReport.Row row = rows.get(i);
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", example.matrix().example());
                    xml.writeAttribute("name", row.target());
                    xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", example.runs().get(i).totalSeconds()));
                    if (row.verdict() == Verdict.FAILED) {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", row.reason());
                        xml.writeCharacters(row.reason());
                        xml.writeEndElement();
                    } else if (row.verdict() == Verdict.CANNOT_RUN_HERE) {
                        xml.writeEmptyElement("skipped");
                        xml.writeAttribute("message", "cannot run here: " + row.reason());
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new TinymlException("cannot write the JUnit report: " + e.getMessage());
        }
        return text + "\n";
    }

    private static long count(List<Example> examples, Verdict verdict) {
        return examples.stream().flatMap(e -> e.matrix().rows().stream()).filter(r -> r.verdict() == verdict).count();
    }

    private static String quality(RunReport run) {
        List<Quality> quality = run.figures() == null || run.figures().quality() == null ? List.of() : run.figures().quality();
        return quality.stream().map(Quality::toString).collect(Collectors.joining("; "));
    }

    private static String number(Long value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%,d", value);
    }
}
