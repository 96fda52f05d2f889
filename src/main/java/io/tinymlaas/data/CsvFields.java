package io.tinymlaas.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of comma-separated fields as spreadsheets write them (RFC 4180): a field holding a comma, a double quote or
 * space at either end is put in double quotes, and a quote inside one is doubled. Class names come from users' folder
 * names and CSV files, so "no, thanks" or {@code 6" ruler} must survive labels.csv.
 */
public final class CsvFields {

    private CsvFields() {
    }

    /** The field as it is written into a line. */
    public static String quote(String field) {
        boolean plain = field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.equals(field.strip());
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }

    /** The fields of one line, unquoted; null if a quote is left open (the line is not CSV). */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
            } else if (!wasQuoted || !Character.isWhitespace(c)) {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        return fields;
    }
}
