package io.tinymlaas.cascade;

import io.tinymlaas.data.OneHot;
import java.util.List;

/**
 * What the device and the cloud answered for each held-out sample: the device's dequantized int8 class scores, the
 * cloud's float class probabilities, and the sample's true class.
 */
public record CascadeScores(int[] labels, List<float[]> device, List<float[]> cloud) {

    public CascadeScores {
        if (device.size() != labels.length || cloud.size() != labels.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + device.size() + " device and " + cloud.size()
                    + " cloud answers");
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("no held-out samples to score");
        }
        labels = labels.clone();
        device = List.copyOf(device);
        cloud = List.copyOf(cloud);
    }

    public int size() {
        return labels.length;
    }

    /** The device's confidence in its answer: its highest class score. */
    public double confidence(int sample) {
        float best = Float.NEGATIVE_INFINITY;
        for (float score : device.get(sample)) {
            best = Math.max(best, score);
        }
        return best;
    }

    public boolean deviceRight(int sample) {
        return OneHot.argmax(device.get(sample)) == labels[sample];
    }

    public boolean cloudRight(int sample) {
        return OneHot.argmax(cloud.get(sample)) == labels[sample];
    }
}
