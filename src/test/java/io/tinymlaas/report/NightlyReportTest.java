package io.tinymlaas.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.report.StageResult.Status;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class NightlyReportTest {

    @TempDir
    Path dir;

    private static RunReport report(String target, boolean passed, StageResult... stages) {
        return new RunReport("hello_world", target, passed, "2026-12-07T00:00:00Z", 2.5, List.of(stages),
                BenchRecordTest.onTarget(new RunFigures.Program(5400, 100, 2000, 5500, 2100, target, 1102L, 1102L)));
    }

    private NightlyReport.Example helloWorld() {
        List<RunReport> runs = List.of(
                report("x86", true, new StageResult("run", Status.PASSED, 1, "ok")),
                report("wio_terminal", false, new StageResult("run", Status.FAILED, 1, "does not fit: 1200 bytes too many for RAM <&>")),
                report("esp_eye", false, new StageResult("run", Status.SKIPPED, 0, "esp_eye cannot be emulated here: no ESP32 machine")));
        return new NightlyReport.Example(MatrixReport.of("hello_world", runs), runs,
                runs.stream().map(run -> dir.resolve("runs").resolve(run.target()).resolve("report.html")).toList());
    }

    @Test
    void everyCellIsAJunitTestCaseTheFailedOneAFailureAndTheOneThatCannotRunHereSkippedSayingWhy() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(NightlyReport.junit(List.of(helloWorld())))));

        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("hello_world");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element failed = (Element) xml.getElementsByTagName("testcase").item(1);
        assertThat(failed.getAttribute("name")).isEqualTo("wio_terminal");
        assertThat(((Element) failed.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("run: does not fit: 1200 bytes too many for RAM <&>");
        Element skipped = (Element) xml.getElementsByTagName("testcase").item(2);
        assertThat(((Element) skipped.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("cannot run here: esp_eye cannot be emulated here: no ESP32 machine");
        assertThat(xml.getElementsByTagName("testcase").item(0).getChildNodes().getLength()).isZero();
    }

    @Test
    void thePageShowsEveryCellWithItsFiguresEscapedAndLinksToEachRunsReport() throws Exception {
        Path html = NightlyReport.write(List.of(helloWorld()), "2026-12-07T00:00:00Z", dir);

        String page = Files.readString(html);
        assertThat(page).contains("3 cells: 1 passed, 1 failed, 1 cannot run here.")
                .contains("<a href=\"runs/wio_terminal/report.html\">wio_terminal</a>")
                .contains("<td class=\"FAILED\">FAILED</td><td class=\"n\">1,102</td><td class=\"n\">5,500</td><td class=\"n\">2,100</td>")
                .contains("too many for RAM &lt;&amp;&gt;").doesNotContain("RAM <&>");
        assertThat(dir.resolve("junit.xml")).exists();
    }
}
