package io.tinymlaas.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host end of MLPerf Tiny's runner protocol in performance mode, as the EnergyRunner and MLCommons' runner speak it:
 * each command goes out with a '%' terminator and its answer is every line up to the one holding "m-ready". An "e-[...]"
 * line, a missing expected line, or silence past the deadline is a {@link RunnerException} naming the command.
 */
public final class RunnerSession {

    /** Bytes per "db" command: the runner's figure when the DUT is wired directly (26 behind the IO manager). */
    public static final int BYTES_PER_DB = 31;
    private static final String READY = "m-ready";
    private static final Pattern NAME = Pattern.compile("^m-name-dut-\\[([^]]+)]$");
    private static final Pattern PROFILE = Pattern.compile("^m-(profile|model)-\\[([^]]+)]$");
    private static final Pattern EXPECTING = Pattern.compile("^m-\\[Expecting (\\d+) bytes]$");
    private static final Pattern LAP = Pattern.compile("^m-lap-us-(\\d+)$");
    private static final Pattern RESULTS = Pattern.compile("^m-results-\\[([^]]*)]$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final RunnerChannel channel;
    private final Duration timeout;
    private final Duration inferTimeout;

    /** {@code timeout} bounds each command's answer, {@code inferTimeout} an "infer" (all its runs included). */
    public RunnerSession(RunnerChannel channel, Duration timeout, Duration inferTimeout) {
        this.channel = channel;
        this.timeout = timeout;
        this.inferTimeout = inferTimeout;
    }

    /**
     * Reads and returns what the device printed before any command (its reset banner, if the port was open in time)
     * until it has been quiet for {@code quiet}, so the first command's answer is not mistaken for the banner's m-ready.
     */
    public List<String> settle(Duration quiet) {
        List<String> banner = new ArrayList<>();
        for (Optional<String> line = channel.readLine(quiet); line.isPresent(); line = channel.readLine(quiet)) {
            banner.add(line.get());
        }
        return banner;
    }

    /** Sends one command and returns its answer's lines, the closing m-ready line left out. */
    public List<String> command(String command) {
        return command(command, timeout);
    }

    /** The device's name, from m-name-dut-[...]. */
    public String name() {
        return only("name", NAME, command("name")).group(1);
    }

    public RunnerProfile profile() {
        List<String> lines = command("profile");
        String profile = null;
        String model = null;
        for (String line : lines) {
            Matcher m = PROFILE.matcher(line);
            if (m.matches() && m.group(1).equals("profile")) {
                profile = m.group(2);
            } else if (m.matches()) {
                model = m.group(2);
            }
        }
        if (profile == null || model == null) {
            throw new RunnerException("`profile` did not answer m-profile-[...] and m-model-[...]: " + lines);
        }
        return new RunnerProfile(profile, model);
    }

    /** Loads the input tensor as the runner does: "db load N", then "db" commands of {@value #BYTES_PER_DB} bytes in hex. */
    public void load(byte[] tensor) {
        String announce = "db load " + tensor.length;
        Matcher expecting = only(announce, EXPECTING, command(announce));
        if (Integer.parseInt(expecting.group(1)) != tensor.length) {
            throw new RunnerException("`" + announce + "` was answered " + expecting.group());
        }
        List<String> last = List.of();
        String command = announce;
        for (int i = 0; i < tensor.length; i += BYTES_PER_DB) {
            command = "db " + HexFormat.of().formatHex(Arrays.copyOfRange(tensor, i, Math.min(tensor.length, i + BYTES_PER_DB)));
            last = command(command);
        }
        if (!last.contains("m-load-done")) {
            throw new RunnerException("the last `db` command (" + command + ") was not answered m-load-done: " + last);
        }
    }

    /** "infer N W": W warm-up runs, then N timed ones between two lap lines, and the results of the last. */
    public RunnerInference infer(int iterations, int warmups) {
        String command = "infer " + iterations + " " + warmups;
        List<String> lines = command(command, inferTimeout);
        List<Long> laps = new ArrayList<>();
        for (String line : lines) {
            Matcher lap = LAP.matcher(line);
            if (lap.matches()) {
                laps.add(Long.parseLong(lap.group(1)));
            }
        }
        expect(lines, command, "m-warmup-start-" + warmups, "m-warmup-done", "m-infer-start-" + iterations, "m-infer-done");
        if (laps.size() != 2) {
            throw new RunnerException("`" + command + "` gave " + laps.size() + " m-lap-us lines instead of 2: " + lines);
        }
        return new RunnerInference(iterations, warmups, laps.get(0), laps.get(1), values(command, lines));
    }

    /** "results": the output of the last inference, as printed. */
    public List<String> results() {
        return values("results", command("results"));
    }

    private List<String> command(String command, Duration limit) {
        channel.write(command + "%");
        List<String> lines = new ArrayList<>();
        String refusal = null;
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Optional<String> line = channel.readLine(left);
            if (line.isEmpty()) {
                throw new RunnerException("`" + command + "` hung: no " + READY + " within " + limit.toMillis() + " ms"
                        + (lines.isEmpty() ? " and nothing else" : "; it printed " + lines));
            }
            String text = line.get();
            if (text.contains(READY) && refusal != null) {
                throw new RunnerException("`" + command + "` was refused by the device: " + refusal);
            }
            if (text.contains(READY)) {
                return lines;
            }
            // The answer is read to its m-ready even so, or that line would end the next command's answer.
            if (text.startsWith("e-[") && refusal == null) {
                refusal = text;
            }
            if (!text.isEmpty()) {
                lines.add(text);
            }
        }
    }

    private static Matcher only(String command, Pattern pattern, List<String> lines) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                return m;
            }
        }
        throw new RunnerException("`" + command + "` did not answer a line like " + pattern.pattern() + ": " + lines);
    }

    private static void expect(List<String> lines, String command, String... wanted) {
        for (String line : wanted) {
            if (!lines.contains(line)) {
                throw new RunnerException("`" + command + "` did not print " + line + ": " + lines);
            }
        }
    }

    private static List<String> values(String command, List<String> lines) {
        Matcher results = only(command, RESULTS, lines);
        List<String> values = List.of(results.group(1).split(","));
        for (String value : values) {
            if (!NUMBER.matcher(value).matches()) {
                throw new RunnerException("`" + command + "` printed a result that is not a number: " + results.group());
            }
        }
        return values;
    }
}
