package io.tinymlaas.core;

/** A registration that would duplicate one that exists (same name), or a change the thing's state forbids. */
public class ConflictException extends TinymlException {

    public ConflictException(String message) {
        super(message);
    }
}
