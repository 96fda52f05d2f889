package io.tinymlaas.link;

import io.tinymlaas.core.TinymlException;

/** The board answered with an ERROR frame. */
public class BoardErrorException extends TinymlException {

    private final ErrorMessage error;

    public BoardErrorException(String context, ErrorMessage error) {
        super(context + ": the board answered ERROR " + error.code() + " \"" + error.text() + "\"");
        this.error = error;
    }

    public ErrorMessage error() {
        return error;
    }
}
