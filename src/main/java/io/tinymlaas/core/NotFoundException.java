package io.tinymlaas.core;

/** Something asked for by name or id does not exist; the message says what and where it was looked for. */
public class NotFoundException extends TinymlException {

    public NotFoundException(String message) {
        super(message);
    }
}
