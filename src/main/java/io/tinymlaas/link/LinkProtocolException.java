package io.tinymlaas.link;

import io.tinymlaas.core.TinymlException;

/** The peer sent something the link protocol does not allow: a corrupt frame or a payload of the wrong shape. */
public class LinkProtocolException extends TinymlException {
    public LinkProtocolException(String message) {
        super(message);
    }
}
