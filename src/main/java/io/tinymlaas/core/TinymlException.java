package io.tinymlaas.core;

/**
 * A failure the user can act on. Its message is shown as it is, without a stack trace, so it names the
 * file, operator, board or command concerned and, where there is one, the fix.
 */
public class TinymlException extends RuntimeException {
    public TinymlException(String message) {
        super(message);
    }

    public TinymlException(String message, Throwable cause) {
        super(message, cause);
    }
}
