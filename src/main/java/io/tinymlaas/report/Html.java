package io.tinymlaas.report;

/** Text made safe inside HTML elements and attribute values: every report escapes what it shows. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The start of a report page, up to its open body: the title and the look every run report shares. */
    static String start(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:75em}table{border-collapse:collapse;margin-bottom:1.5em}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}td.n{text-align:right}"
                + ".PASSED{color:#070}.FAILED{color:#b00}.SKIPPED,.CANNOT_RUN_HERE{color:#888}"
                + "table.confusion td{min-width:3.5em}</style></head><body>\n";
    }
}
