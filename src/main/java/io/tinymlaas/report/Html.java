package io.tinymlaas.report;

/** Text made safe inside HTML elements and attribute values: every report escapes what it shows. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The look of verdicts (a stage's, a target's) in the run and matrix pages. */
    static final String VERDICTS = "td,th{vertical-align:top}.PASSED{color:#070}.FAILED{color:#b00}.SKIPPED,.CANNOT_RUN_HERE{color:#888}";
}
