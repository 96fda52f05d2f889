package io.tinymlaas.compile.ops;

import io.tinymlaas.core.TinymlException;

/**
 * An operator our kernels cannot evaluate as the model has it (a type, shape, option or value they do not implement).
 * The compiler reports it as its {@code CompilationException}, with this message.
 */
public class LoweringException extends TinymlException {
    public LoweringException(String message) {
        super(message);
    }
}
