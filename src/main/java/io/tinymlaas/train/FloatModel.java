package io.tinymlaas.train;

/** A trained float32 network as the trainer hands it to a converter (and to the model store, as JSON). */
public interface FloatModel {

    /** The network's float output for one sample (for a classifier: class probabilities). */
    float[] predict(float[] input);
}
