package io.tinymlaas.cli;

import io.tinymlaas.app.FaceFollowingOutcome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Demonstrations of whole products built on the lifecycle.",
        subcommands = DemoCommand.FaceFollowing.class)
final class DemoCommand implements Runnable {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "face-following", mixinStandardHelpOptions = true,
            description = {"The face-following pan/tilt stand on an emulated board: trains a small face-position CNN (3x3 cells) on",
                    "LFW faces placed on scenes, compiles it with the servo code into one firmware, sends it a scripted sequence of",
                    "frames of a face moving across, and checks that the pan/tilt angles and PWM pulses the board sends back over",
                    "the UART follow the face within 10 degrees on every frame. Writes face-following.html (the path plot) and .json."})
    static final class FaceFollowing implements Callable<Integer> {

        @ParentCommand
        DemoCommand demo;

        @Spec
        CommandSpec spec;

        @Option(names = "--board", required = true, description = "an emulated Cortex-M board, e.g. arduino_nano_33_ble_sense")
        String board;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FaceFollowingOutcome outcome = demo.main.tinyml().faceFollowing(board, new StagePrinter(out));
            out.println(outcome.followed().summary());
            out.printf("report: %s%n", outcome.html());
            return outcome.followed().passed() ? 0 : 1;
        }
    }
}
