package io.tinymlaas.runner;

import io.tinymlaas.compile.CompiledFile;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.BoardTarget;
import io.tinymlaas.device.emulator.RunningBoard;
import io.tinymlaas.device.firmware.Firmware;
import io.tinymlaas.oracle.ReferenceInterpreter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Builds the runner firmware for a board, boots it on the board's emulator and drives it exactly as the runner does
 * (name, profile, db load, db, infer N W), then checks the printed results against the reference interpreter.
 */
public final class RunnerProtocol {

    /** The runner's own limits: 5 s per command, 30 s for an "infer". */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration INFER_TIMEOUT = Duration.ofSeconds(30);
    /** The reset banner is four short lines; a quarter second without a line means it is over (or was never seen). */
    public static final Duration BANNER_QUIET = Duration.ofMillis(250);
    private static final String MAIN = "runner/runner.c";

    private final BoardTarget board;
    private final Path firmwareRoot;
    private final int clockMhz;

    /** {@code clockMhz}: the board's core clock, in which the firmware counts its lap times. */
    public RunnerProtocol(BoardTarget board, Path firmwareRoot, int clockMhz) {
        this.board = board;
        this.firmwareRoot = firmwareRoot;
        this.clockMhz = clockMhz;
    }

    public RunnerOutcome run(CompiledFile model, byte[] input, int iterations, int warmups) {
        if (input.length != model.compiled().inputBytes()) {
            throw new TinymlException(model.name() + " takes " + model.compiled().inputBytes() + " input bytes, not " + input.length);
        }
        List<String> reference = RunnerValues.printed(model.tflite().model().outputTensors(),
                ReferenceInterpreter.load(model.tflite().bytes(), model.tflite().file().toString()).invoke(input));
        String runnerName = model.name().replaceAll("[^A-Za-z0-9_.-]", "_");
        Firmware firmware = board.build(new RunnerModel(model.compiled(), runnerName.substring(0, Math.min(40, runnerName.length())),
                clockMhz),
                firmwareRoot.resolve(MAIN));
        try (RunningBoard running = board.start(firmware.elf());
             SerialRunnerChannel channel = SerialRunnerChannel.open(running.serialDevice())) {
            RunnerSession session = new RunnerSession(channel, COMMAND_TIMEOUT, INFER_TIMEOUT);
            session.settle(BANNER_QUIET);
            String name = session.name();
            RunnerProfile profile = session.profile();
            session.load(input);
            RunnerInference inference = session.infer(iterations, warmups);
            List<String> again = session.results();
            if (!again.equals(inference.results())) {
                throw new RunnerException("`results` printed " + again + " after `infer` printed " + inference.results());
            }
            return new RunnerOutcome(board.id(), name, profile, input.length, inference, reference, firmware.flashBytes(),
                    firmware.ramBytes());
        }
    }
}
