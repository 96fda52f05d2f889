package io.tinymlaas.link;

import io.tinymlaas.core.TinymlException;

/** The board said nothing in time: it hangs, crashed silently, or never booted. */
public class LinkTimeoutException extends TinymlException {
    public LinkTimeoutException(String message) {
        super(message);
    }
}
