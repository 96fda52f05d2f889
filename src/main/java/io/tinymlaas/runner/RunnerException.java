package io.tinymlaas.runner;

import io.tinymlaas.core.TinymlException;

/** A device under test that did not answer a runner command as the protocol says: which command, and what came back. */
public final class RunnerException extends TinymlException {

    public RunnerException(String message) {
        super(message);
    }
}
