package io.tinymlaas.device;

import io.tinymlaas.core.TinymlException;

/** Running on a target failed; the message carries the tool's own output. */
public class TargetException extends TinymlException {
    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
