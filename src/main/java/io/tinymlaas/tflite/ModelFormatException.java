package io.tinymlaas.tflite;

import io.tinymlaas.core.TinymlException;

/** The bytes are not a well-formed .tflite file. */
public class ModelFormatException extends TinymlException {
    public ModelFormatException(String message) {
        super(message);
    }
}
