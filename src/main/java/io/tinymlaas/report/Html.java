package io.tinymlaas.report;

/** Text made safe inside HTML elements and attribute values: every report escapes what it shows. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
