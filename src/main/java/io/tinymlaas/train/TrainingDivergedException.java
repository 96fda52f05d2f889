package io.tinymlaas.train;

import io.tinymlaas.core.TinymlException;

/** The loss stopped being a finite number: the weights are garbage and must not reach the converter. */
public class TrainingDivergedException extends TinymlException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
