package io.tinymlaas.app;

import io.tinymlaas.core.InvalidInputException;

/** The checks every request field gets: present, and for names, of a length a listing can show. */
final class Fields {

    private static final int MAX_NAME = 200;

    private Fields() {
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value.strip();
    }

    static String name(String field, String value) {
        String name = required(field, value);
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException(field, "is " + name.length() + " characters long; at most " + MAX_NAME);
        }
        return name;
    }
}
