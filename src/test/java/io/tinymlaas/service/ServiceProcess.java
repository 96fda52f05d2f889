package io.tinymlaas.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.core.ProjectLayout;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A `tinyml serve` or `tinyml worker` as a real child JVM, started the way bin/tinyml starts it (target/classes and the
 * class path the build writes to target/classpath.txt), so it can be killed like a real one. Its output (stdout and
 * stderr) is kept for failure messages.
 */
final class ServiceProcess implements AutoCloseable {

    /** A JVM loading TensorFlow and migrating the registry is up in seconds; the limit only stops a hung start. */
    private static final Duration START_LIMIT = Duration.ofMinutes(2);
    private static final Pattern SERVING = Pattern.compile("^TinyMLaaS serving (http://\\S+) ");
    private static final Pattern READY = Pattern.compile("^ready; Ctrl-C stops$");
    private static final Pattern WORKING = Pattern.compile(" taking pipeline runs from the ");
    private static final Pattern FIRST_TOKEN = Pattern.compile("^first operator token \\(shown once, also in .+\\): (\\S+)$");

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private ServiceProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::keepOutput, name + " output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code io.tinymlaas.cli.Main args} for this project, with {@code environment} added to this JVM's. */
    static ServiceProcess start(String name, Map<String, String> environment, String... args) {
        Path root = ProjectLayout.find().root();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtinyml.root=" + root, "-cp", classPath(root), "io.tinymlaas.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    private static String classPath(Path root) {
        Path file = root.resolve("target/classpath.txt");
        try {
            return root.resolve("target/classes") + File.pathSeparator + Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is missing; the build writes it in process-classes (mvn verify does)", e);
        }
    }

    private void keepOutput() {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the process was killed while we read: what it printed until then is kept
        }
    }

    /** The base URL of a `serve` process, once it says it is ready. */
    String awaitServing() {
        String url = awaitLine(SERVING).group(1);
        awaitLine(READY);
        return url;
    }

    /** The token a `serve` process prints on its first start on a registry. */
    String awaitFirstToken() {
        return awaitLine(FIRST_TOKEN).group(1);
    }

    /** Returns once a `worker` process has joined the job engine. */
    void awaitWorking() {
        awaitLine(WORKING);
    }

    /** The first line the process printed that matches {@code pattern}, waiting for it; fails if the process ends first. */
    private Matcher awaitLine(Pattern pattern) {
        Instant deadline = Instant.now().plus(START_LIMIT);
        int seen = 0;
        while (Instant.now().isBefore(deadline)) {
            boolean ended = !process.isAlive();
            List<String> printed = printed();
            for (; seen < printed.size(); seen++) {
                Matcher matcher = pattern.matcher(printed.get(seen));
                if (matcher.find()) {
                    return matcher;
                }
            }
            if (ended) {
                throw new AssertionError(name + " ended without printing /" + pattern + "/\n" + output());
            }
            Polling.pause();
        }
        throw new AssertionError(name + " did not print /" + pattern + "/ within " + START_LIMIT + "\n" + output());
    }

    /** Kills the process with SIGKILL, as a crash or an out-of-memory killer would: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(name + " is gone after SIGKILL").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(process.isAlive()).as(name + " is alive after SIGKILL").isFalse();
        // 128 + 9: the JVM did not exit by itself, the signal ended it
        assertThat(process.exitValue()).as(name + "'s exit status").isEqualTo(137);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Everything the process printed so far, under its name, for failure messages. */
    String output() {
        return "---- " + name + (process.isAlive() ? " (running)" : " (ended)") + " ----\n" + String.join("\n", printed()) + "\n";
    }

    private List<String> printed() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
