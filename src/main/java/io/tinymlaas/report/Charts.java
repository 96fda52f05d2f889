package io.tinymlaas.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.webjars.WebJarVersionLocator;

/**
 * Charts in HTML reports, drawn by Apache ECharts from its webjar. The library is written into the page itself, so that a
 * report is one file that opens anywhere, with nothing fetched from a network.
 */
public final class Charts {

    private static final String LIBRARY = "dist/echarts.common.min.js";

    private Charts() {
    }

    /** A script element holding the charting library; put it once in a page, before its charts. */
    public static String libraryScript() {
        String path = new WebJarVersionLocator().fullPath("echarts", LIBRARY);
        if (path == null) {
            throw new IllegalStateException("the echarts webjar is not on the class path");
        }
        try (InputStream in = Charts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            // a script's text must not close its own element early
            return "<script>" + new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script") + "</script>\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the class path", e);
        }
    }

    /**
     * The start of a one-page report with charts, up to its open body: the title, a plain style for text and tables
     * (cells of class n right-aligned, for numbers) and the charting library.
     */
    public static String pageStart(String title) {
        return pageStart(title, "");
    }

    /** Like {@link #pageStart(String)}, with the page's own {@code style} rules after the plain ones. */
    public static String pageStart(String title, String style) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin-bottom:1em}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}td.n{text-align:right}" + style + "</style>\n"
                + libraryScript() + "</head><body>\n";
    }

    /** A chart of {@code heightPx} drawn from an ECharts option (any value Jackson writes as the option object). */
    public static String chart(String id, int heightPx, Object option) {
        String json;
        try {
            json = ReportWriter.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(option).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a chart option that is not JSON: " + e.getMessage(), e);
        }
        return "<div id=\"" + id + "\" style=\"width:100%;height:" + heightPx + "px\"></div>\n"
                + "<script>echarts.init(document.getElementById('" + id + "')).setOption(" + json + ");</script>\n";
    }
}
