package io.tinymlaas.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads back the ECharts option a page gives the chart of an id, as the browser would get it. */
final class ChartOptions {

    private ChartOptions() {
    }

    /** The option object, or a missing node when the page has no such chart. */
    static JsonNode of(String page, String id) {
        String start = "getElementById('" + id + "')).setOption(";
        int from = page.indexOf(start);
        if (from < 0) {
            return MissingNode.getInstance();
        }
        from += start.length();
        String json = page.substring(from, page.indexOf(");</script>", from)).replace("<\\/", "</");
        try {
            return ReportWriter.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
