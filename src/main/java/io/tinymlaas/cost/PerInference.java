package io.tinymlaas.cost;

/**
 * One inference each way, as the cost model prices it. On the device: the measured instructions at the board's clock
 * and active power, the energy paid at the electricity price. In the cloud: the input sent over the device's radio
 * (its energy paid the same way), the fees per inference, per message and per byte, and the round trip.
 *
 * @param deviceUsd the device's energy for the inference at {@code energy.usd_per_kwh}
 * @param cloudUsd  the cloud's fees plus the radio's energy at {@code energy.usd_per_kwh}
 */
public record PerInference(double deviceMs, double deviceJoules, double deviceUsd, double payloadBytes, double radioJoules,
                           double cloudFeesUsd, double cloudUsd, double roundTripMs) {
}
