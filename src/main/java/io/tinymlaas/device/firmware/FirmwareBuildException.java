package io.tinymlaas.device.firmware;

import io.tinymlaas.core.TinymlException;

/** Building firmware failed (no cross compiler, make failed or hung); the message carries the tool's own output. */
public class FirmwareBuildException extends TinymlException {
    public FirmwareBuildException(String message) {
        super(message);
    }

    public FirmwareBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
