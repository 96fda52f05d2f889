package io.tinymlaas.core;

/** A request whose field is missing or wrong; the field is named so a form or a client can point at it. */
public class InvalidInputException extends TinymlException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
