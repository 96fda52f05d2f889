package io.tinymlaas.cost;

import java.util.List;

/**
 * Cloud against TinyML for one model on one board, for a fleet over some years: what each costs, how fast it answers
 * and what it draws, and the fleet size above which TinyML is the cheaper one.
 *
 * @param breakEvenFleet the fleet size where both cost the same; null when one is cheaper at every size
 * @param verdict        the break-even in words: "TinyML is cheaper above N devices", "… at every fleet size", …
 * @param curve          both fleet totals over {@code years} at fleet sizes from 0 to past the break-even and the fleet
 */
public record CostEstimate(String example, String board, long fleet, double years, Measured measured, Side tinyml, Side cloud,
                           Double breakEvenFleet, String verdict, List<Point> curve, CostAssumptions assumptions) {

    /** What was measured on the board, that the estimate rests on. */
    public record Measured(long instructionsPerInference, int inputBytes, String ranOn, String measuredAt, String modelSha256) {
    }

    /**
     * One way of answering: its latency and energy per inference, cost per device per year (hardware spread over the
     * years), fleet total over the years, and how long a battery lasts.
     */
    public record Side(double latencyMs, double energyPerInferenceUj, double usdPerDevicePerYear, double fleetTotalUsd,
                       double batteryDays) {
    }

    public record Point(long fleet, double tinymlUsd, double cloudUsd) {
    }
}
