package io.tinymlaas.device.emulator;

import io.tinymlaas.core.TinymlException;

/** The emulator could not be started, or the board did not boot, hung or crashed; the message says where. */
public class EmulatorException extends TinymlException {
    public EmulatorException(String message) {
        super(message);
    }

    public EmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
