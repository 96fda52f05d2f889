package io.tinymlaas.cascade;

/**
 * One way of answering, measured on the held-out samples: the device alone, the cloud alone, or the cascade at one
 * confidence threshold.
 *
 * @param threshold      the cascade's threshold (a sample whose device confidence is below it goes to the cloud); null for
 *                       the device alone and the cloud alone
 * @param escalatedShare the share of samples the cloud answered (0 for the device alone, 1 for the cloud alone)
 * @param usdPerThousand what 1,000 inferences cost to answer: device energy, and for the cloud's share its fees and the
 *                       radio's energy
 * @param latencyMs      the mean time to an answer
 * @param deviceEnergyUj the mean energy the device spends on an answer: computing, and sending for the cloud's share
 */
public record CascadePoint(Double threshold, double escalatedShare, double accuracy, double usdPerThousand, double latencyMs,
                           double deviceEnergyUj) {
}
