package io.tinymlaas.device;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.core.Executables;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Checks whether a toolchain the service compiles with can be used here, and which version it is: our AOT compiler,
 * arm-none-eabi-gcc for the Cortex-M boards, gcc in the x86 container, or any host gcc. A toolchain that cannot be used
 * is reported with the reason and what installs it, never thrown; every command run is stopped after a few seconds.
 */
public final class ToolchainProbe {

    public static final List<String> KINDS = List.of("aot", "arm-gcc", "x86-container", "gcc");

    /** Our compiler's version: it is part of this program, so the project's version. */
    public static final String AOT_VERSION = "0.1.0";

    /** The cores arm-none-eabi-gcc builds our Cortex-M firmware for. */
    private static final List<String> CORTEX_M = List.of("cortex-m0plus", "cortex-m3", "cortex-m4", "cortex-m7", "cortex-m33",
            "cortex-m55");
    private static final String GCC_INSTALL_HINT = "install it (apt-get install gcc) or give the path of an installed gcc";

    /**
     * What a check found.
     *
     * @param version what the toolchain says its version is; null when it cannot be used
     * @param targets what it builds for
     * @param reason  why it cannot be used and what installs it; null when installed
     */
    public record Probe(boolean installed, String version, List<String> targets, String reason) {

        static Probe usable(String version, List<String> targets) {
            return new Probe(true, version, targets, null);
        }

        static Probe unusable(List<String> targets, String reason) {
            return new Probe(false, null, targets, reason);
        }
    }

    /** A toolchain the service knows without being told: its name, {@link #KINDS kind} and command. */
    public record Default(String name, String kind, String command) {
    }

    private ToolchainProbe() {
    }

    /** Our AOT compiler, arm-none-eabi-gcc, and gcc in the x86 container. */
    public static List<Default> defaults() {
        return List.of(new Default("tinyml-aot", "aot", AotCompiler.class.getName()),
                new Default(FirmwareBuilder.COMPILER, "arm-gcc", FirmwareBuilder.COMPILER),
                new Default("x86-container-gcc", "x86-container", X86Container.IMAGE));
    }

    /**
     * Checks one toolchain.
     *
     * @param kind    one of {@link #KINDS}
     * @param command a program name or path for arm-gcc and gcc, the image for x86-container; not used for aot, which is
     *                built in
     */
    public static Probe probe(String kind, String command) {
        return switch (kind == null ? "" : kind) {
            case "aot" -> Probe.usable(AOT_VERSION, List.of("C99 with a static memory plan"));
            case "arm-gcc" -> compiler(required(kind, command), CORTEX_M, FirmwareBuilder.INSTALL_HINT);
            case "x86-container" -> container(required(kind, command));
            case "gcc" -> hostCompiler(required(kind, command));
            default -> throw new TinymlException("unknown toolchain kind '" + kind + "'; the kinds are " + String.join(", ", KINDS));
        };
    }

    private static String required(String kind, String command) {
        if (command == null || command.isBlank()) {
            throw new TinymlException("a toolchain of kind " + kind + " needs a command: a program's name or path, or for "
                    + "x86-container the image (e.g. " + X86Container.IMAGE + ")");
        }
        return command;
    }

    /** A gcc for the host, or a cross gcc: what it builds for is the machine it names itself. */
    private static Probe hostCompiler(String command) {
        Probe probe = compiler(command, List.of(), GCC_INSTALL_HINT);
        if (!probe.installed()) {
            return probe;
        }
        String machine = answer(List.of(command, "-dumpmachine"));
        return Probe.usable(probe.version(), machine == null ? List.of() : List.of(machine));
    }

    private static Probe compiler(String command, List<String> targets, String installHint) {
        boolean found = command.contains("/") ? Files.isExecutable(Path.of(command)) && Files.isRegularFile(Path.of(command))
                : Executables.find(command).isPresent();
        if (!found) {
            return Probe.unusable(targets, (command.contains("/") ? "there is no program at " + command
                    : command + " is not installed (not found on the PATH)") + "; " + installHint);
        }
        List<String> versionCommand = List.of(command, "--version");
        try {
            ShortCommand.Outcome outcome = ShortCommand.run(versionCommand);
            if (!outcome.finished()) {
                return Probe.unusable(targets, stopped(versionCommand));
            }
            if (outcome.exitCode() != 0) {
                return Probe.unusable(targets, failed(versionCommand, outcome));
            }
            return Probe.usable(outcome.firstLine(), targets);
        } catch (IOException e) {
            return Probe.unusable(targets, "cannot run " + command + ": " + IoFailure.reason(e) + "; " + installHint);
        }
    }

    /** The first line a command prints when it succeeds in time; null otherwise, the caller needing it only as a detail. */
    private static String answer(List<String> command) {
        try {
            ShortCommand.Outcome outcome = ShortCommand.run(command);
            return outcome.finished() && outcome.exitCode() == 0 && !outcome.firstLine().isEmpty() ? outcome.firstLine() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The image must be there already: bin/setup builds it, nothing pulls it. */
    private static Probe container(String image) {
        List<String> targets = List.of("x86");
        if (Executables.find("docker").isEmpty()) {
            return Probe.unusable(targets, "docker is not installed; " + X86Container.SETUP_HINT);
        }
        List<String> inspect = List.of("docker", "image", "inspect", "--format", "{{slice .Id 7 19}} created {{.Created}}", image);
        try {
            ShortCommand.Outcome outcome = ShortCommand.run(inspect);
            if (!outcome.finished()) {
                return Probe.unusable(targets, stopped(inspect) + "; is the Docker daemon running? " + X86Container.SETUP_HINT);
            }
            if (outcome.exitCode() == 0) {
                return Probe.usable("image " + outcome.firstLine(), targets);
            }
            String said = outcome.output().toLowerCase(Locale.ROOT);
            if (said.contains("cannot connect to the docker daemon")) {
                return Probe.unusable(targets, "the Docker daemon is not running (" + outcome.firstLine() + "); "
                        + X86Container.SETUP_HINT);
            }
            if (said.contains("no such image")) {
                return Probe.unusable(targets, "the image " + image + " does not exist; " + X86Container.SETUP_HINT);
            }
            return Probe.unusable(targets, failed(inspect, outcome) + "; " + X86Container.SETUP_HINT);
        } catch (IOException e) {
            return Probe.unusable(targets, "cannot run docker: " + IoFailure.reason(e) + "; " + X86Container.SETUP_HINT);
        }
    }

    private static String stopped(List<String> command) {
        return "'" + String.join(" ", command) + "' did not finish within " + ShortCommand.TIMEOUT_SECONDS + " s, so it was stopped";
    }

    private static String failed(List<String> command, ShortCommand.Outcome outcome) {
        return "'" + String.join(" ", command) + "' failed (exit " + outcome.exitCode() + "): " + outcome.firstLine();
    }
}
