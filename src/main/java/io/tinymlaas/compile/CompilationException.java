package io.tinymlaas.compile;

import io.tinymlaas.core.TinymlException;

/** The model is valid TFLite but uses an operator, type or shape our compiler and kernels do not implement. */
public class CompilationException extends TinymlException {
    public CompilationException(String message) {
        super(message);
    }
}
