package io.tinymlaas.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.ReportWriter;

/**
 * Values kept as JSON text in one column, written as the registry files write them, so nothing they held is lost;
 * they are only ever read back whole, never queried into.
 */
final class JsonColumn {

    private JsonColumn() {
    }

    static String write(Object value) {
        try {
            return ReportWriter.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TinymlException("cannot write " + value + " as JSON for the registry database: " + e.getOriginalMessage(), e);
        }
    }

    /** @param where which row and column, for the message should the text be damaged */
    static <T> T read(String json, TypeReference<T> type, String where) {
        try {
            return ReportWriter.JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new TinymlException("the registry database's " + where + " is not the JSON it should be: "
                    + e.getOriginalMessage(), e);
        }
    }
}
