package io.tinymlaas.cascade;

import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.cost.PerInference;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The cascade's arithmetic. At threshold t the device answers every sample, and the samples whose device confidence is
 * below t (a share s of them) also go to the cloud, whose answer then counts. Per 1,000 inferences it costs
 * 1,000 × (device + s × cloud) and takes device + s × round trip on average; the device alone is s = 0 without the
 * threshold, the cloud alone answers everything without the device.
 */
public final class CascadeSweep {

    private CascadeSweep() {
    }

    /** The thresholds, each checked to be a confidence, in [0, 1]. */
    public static List<Double> checked(List<Double> thresholds) {
        if (thresholds.isEmpty()) {
            throw new InvalidInputException("thresholds", "name at least one threshold in [0, 1], e.g. 0,0.5,0.9");
        }
        for (Double t : thresholds) {
            if (t == null || !(t >= 0 && t <= 1)) {
                throw new InvalidInputException("thresholds", "a threshold is a confidence in [0, 1], found " + t);
            }
        }
        return List.copyOf(thresholds);
    }

    public static List<CascadePoint> sweep(CascadeScores scores, PerInference one, List<Double> thresholds) {
        return checked(thresholds).stream().map(t -> at(t, scores, one)).toList();
    }

    public static CascadePoint at(double threshold, CascadeScores scores, PerInference one) {
        checked(List.of(threshold));
        int escalated = 0;
        int right = 0;
        for (int i = 0; i < scores.size(); i++) {
            boolean toCloud = scores.confidence(i) < threshold;
            escalated += toCloud ? 1 : 0;
            right += (toCloud ? scores.cloudRight(i) : scores.deviceRight(i)) ? 1 : 0;
        }
        double share = escalated / (double) scores.size();
        return new CascadePoint(threshold, share, right / (double) scores.size(), 1000 * (one.deviceUsd() + share * one.cloudUsd()),
                one.deviceMs() + share * one.roundTripMs(), (one.deviceJoules() + share * one.radioJoules()) * 1e6);
    }

    public static CascadePoint deviceOnly(CascadeScores scores, PerInference one) {
        long right = IntStream.range(0, scores.size()).filter(scores::deviceRight).count();
        return new CascadePoint(null, 0, right / (double) scores.size(), 1000 * one.deviceUsd(), one.deviceMs(), one.deviceJoules() * 1e6);
    }

    public static CascadePoint cloudOnly(CascadeScores scores, PerInference one) {
        long right = IntStream.range(0, scores.size()).filter(scores::cloudRight).count();
        return new CascadePoint(null, 1, right / (double) scores.size(), 1000 * one.cloudUsd(), one.roundTripMs(), one.radioJoules() * 1e6);
    }
}
