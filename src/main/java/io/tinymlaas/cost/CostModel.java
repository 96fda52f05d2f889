package io.tinymlaas.cost;

import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.device.board.Board;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of cloud against TinyML. TinyML: the board runs the model (the measured instructions × cycles per
 * instruction at the board's clock and active power, asleep the rest of the time), plus its price, over-the-air updates
 * and the engineering of the model. Cloud: the same sensing device sends each input over its radio and a cloud service
 * answers, paid per inference, per message and per byte.
 */
public final class CostModel {

    private static final double SECONDS_PER_DAY = 86_400;
    private static final double DAYS_PER_YEAR = 365;
    private static final double JOULES_PER_KWH = 3.6e6;
    private static final int CURVE_POINTS = 60;

    private CostModel() {
    }

    /** Refuses a fleet of no devices or a span of no time. */
    public static void requireScale(long fleet, double years) {
        if (fleet < 1) {
            throw new InvalidInputException("fleet", "must be 1 device or more, found " + fleet);
        }
        if (!(years > 0)) {
            throw new InvalidInputException("years", "must be more than 0, found " + years);
        }
    }

    public static CostEstimate estimate(String example, Board board, CostEstimate.Measured measured, long fleet, double years,
                                        CostAssumptions a) {
        requireScale(fleet, years);
        Board.Economics economics = requireEconomics(board);
        PerInference one = perInference(board, measured, a);
        double secondsPerInference = one.deviceMs() / 1e3;
        double busySecondsPerDay = a.inferencesPerDay() * secondsPerInference;
        if (busySecondsPerDay > SECONDS_PER_DAY) {
            throw new InvalidInputException("assumptions", String.format(
                    "%d inferences a day at %.3f ms each need %.0f s of compute a day, more than a day has, on %s",
                    (long) a.inferencesPerDay(), one.deviceMs(), busySecondsPerDay, board.id()));
        }
        double sleepWatts = economics.sleepUw() * 1e-6;
        double inferenceJoules = one.deviceJoules();
        double tinymlJoulesPerDay = a.inferencesPerDay() * inferenceJoules + (SECONDS_PER_DAY - busySecondsPerDay) * sleepWatts;

        double sendJoules = one.radioJoules();
        double cloudJoulesPerDay = a.inferencesPerDay() * sendJoules + SECONDS_PER_DAY * sleepWatts;

        double inferencesPerYear = a.inferencesPerDay() * DAYS_PER_YEAR;
        double tinymlRecurring = a.modelUpdatesPerYear() * a.tinymlOtaUsdPerDeviceUpdate() + energyUsdPerYear(tinymlJoulesPerDay, a);
        double cloudRecurring = inferencesPerYear * one.cloudFeesUsd() + energyUsdPerYear(cloudJoulesPerDay, a);
        double tinymlUnit = economics.unitPriceUsd();
        double cloudUnit = a.cloudDeviceUnitPriceUsd() > 0 ? a.cloudDeviceUnitPriceUsd() : economics.unitPriceUsd();

        double tinymlPerDevice = tinymlUnit + years * tinymlRecurring;
        double cloudPerDevice = cloudUnit + years * cloudRecurring;
        double tinymlFixed = a.tinymlEngineeringUsdPerModel();
        double cloudFixed = a.cloudEngineeringUsd();

        Double breakEven = null;
        String verdict;
        double perDeviceSaving = cloudPerDevice - tinymlPerDevice;
        double extraFixed = tinymlFixed - cloudFixed;
        if (perDeviceSaving > 0 && extraFixed > 0) {
            breakEven = extraFixed / perDeviceSaving;
            verdict = String.format("TinyML is cheaper above %,d devices over %s years", (long) Math.ceil(breakEven), trim(years));
        } else if (perDeviceSaving < 0 && extraFixed < 0) {
            breakEven = extraFixed / perDeviceSaving;
            verdict = String.format("TinyML is cheaper below %,d devices over %s years", (long) Math.floor(breakEven), trim(years));
        } else if (perDeviceSaving >= 0 && extraFixed <= 0) {
            verdict = "TinyML is cheaper at every fleet size";
        } else {
            verdict = "the cloud is cheaper at every fleet size";
        }

        long last = Math.max(10, Math.round(Math.max(fleet, breakEven == null ? 0 : breakEven) * 2));
        List<CostEstimate.Point> curve = new ArrayList<>();
        for (int i = 0; i <= CURVE_POINTS; i++) {
            long size = Math.round((double) last * i / CURVE_POINTS);
            curve.add(new CostEstimate.Point(size, tinymlFixed + size * tinymlPerDevice, cloudFixed + size * cloudPerDevice));
        }
        CostEstimate.Side tinyml = new CostEstimate.Side(one.deviceMs(), inferenceJoules * 1e6,
                tinymlRecurring + tinymlUnit / years, tinymlFixed + fleet * tinymlPerDevice, batteryDays(tinymlJoulesPerDay, a));
        CostEstimate.Side cloud = new CostEstimate.Side(a.cloudRoundTripLatencyMs(), sendJoules * 1e6,
                cloudRecurring + cloudUnit / years, cloudFixed + fleet * cloudPerDevice, batteryDays(cloudJoulesPerDay, a));
        return new CostEstimate(example, board.id(), fleet, years, measured, tinyml, cloud, breakEven, verdict, curve, a);
    }

    /**
     * One inference on the device (the measured instructions × cycles per instruction at the board's clock and active
     * power) and one in the cloud (the payload: the assumptions' bytes, or the model's input as measured).
     */
    public static PerInference perInference(Board board, CostEstimate.Measured measured, CostAssumptions a) {
        Board.Economics economics = requireEconomics(board);
        double seconds = measured.instructionsPerInference() * a.tinymlCyclesPerInstruction() / (board.clockMhz() * 1e6);
        double deviceJoules = seconds * economics.activeMw() * 1e-3;
        double payloadBytes = a.cloudPayloadBytesPerInference() > 0 ? a.cloudPayloadBytesPerInference() : measured.inputBytes();
        double radioJoules = payloadBytes * a.cloudRadioNjPerByte() * 1e-9;
        double fees = (a.cloudUsdPerMillionInferences() + a.cloudUsdPerMillionMessages()) / 1e6
                + payloadBytes / 1e9 * a.cloudUsdPerGbTransferred();
        return new PerInference(seconds * 1e3, deviceJoules, energyUsd(deviceJoules, a), payloadBytes, radioJoules, fees,
                fees + energyUsd(radioJoules, a), a.cloudRoundTripLatencyMs());
    }

    /** The board's power and price; a board whose descriptor has none is refused, naming the file to add them to. */
    public static Board.Economics requireEconomics(Board board) {
        if (board.economics() == null) {
            throw new InvalidInputException("board", board.id() + " has no economics (active_mw, sleep_uw, unit_price_usd) in "
                    + "boards/" + board.id() + ".yaml, so its energy and cost cannot be estimated");
        }
        return board.economics();
    }

    private static double energyUsdPerYear(double joulesPerDay, CostAssumptions a) {
        return energyUsd(joulesPerDay * DAYS_PER_YEAR, a);
    }

    private static double energyUsd(double joules, CostAssumptions a) {
        return joules / JOULES_PER_KWH * a.usdPerKwh();
    }

    private static double batteryDays(double joulesPerDay, CostAssumptions a) {
        return a.batteryWh() * 3600 / joulesPerDay;
    }

    private static String trim(double years) {
        return years == Math.rint(years) ? String.valueOf((long) years) : String.valueOf(years);
    }
}
