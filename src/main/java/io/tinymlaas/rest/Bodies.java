package io.tinymlaas.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import io.tinymlaas.core.InvalidInputException;
import java.util.stream.Collectors;

/** Request and response bodies: JSON with ISO-8601 instants; a body that does not parse is a 400 naming the field. */
final class Bodies {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Bodies() {
    }

    /** A numeric id in the path; anything else is a 400 naming the parameter. */
    static long id(Context ctx, String parameter) {
        String text = ctx.pathParam(parameter);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(parameter, "'" + text + "' is not a number");
        }
    }

    static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new InvalidInputException("body", "is empty; send a JSON object");
        }
        try {
            return JSON.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(e.getPropertyName(), "is not a field here; known: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new InvalidInputException(field.isEmpty() ? "body" : field, "has the wrong type: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "is not JSON: " + e.getOriginalMessage());
        }
    }
}
