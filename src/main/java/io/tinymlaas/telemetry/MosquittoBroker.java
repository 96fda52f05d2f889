package io.tinymlaas.telemetry;

import io.tinymlaas.core.Executables;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Eclipse Mosquitto (Debian's package) as the service's own broker: a process on {@code host:port} whose configuration,
 * ACL ({@link Topics}' rules), password file and log live in a folder of the service's. The password file holds the
 * service's account (a new password at every start) and every bridge's, hashed by {@code mosquitto_passwd}; it outlives
 * the process, so the bridges registered before the service restarted still log in. A new bridge is added to it and the
 * broker told to read it again (SIGHUP), which drops nobody.
 */
public final class MosquittoBroker implements Broker {

    /** Debian installs the broker in /usr/sbin, which a user's PATH often lacks, and mosquitto_passwd in /usr/bin. */
    private static final String SEARCH_PATH = String.join(File.pathSeparator, System.getenv().getOrDefault("PATH", ""),
            "/usr/sbin", "/usr/local/sbin", "/usr/bin");
    private static final Duration READY = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 50;

    private final Path executable;
    private final Path passwd;
    private final Path folder;
    private final String host;
    private final int port;
    private Process process;

    private MosquittoBroker(Path executable, Path passwd, Path folder, String host, int port) {
        this.executable = executable;
        this.passwd = passwd;
        this.folder = folder;
        this.host = host;
        this.port = port;
    }

    /** The broker's program, when Mosquitto is installed. */
    public static Optional<Path> installed() {
        return Executables.find("mosquitto", SEARCH_PATH);
    }

    /**
     * Writes the broker's files into {@code folder} (keeping the bridges' accounts found there), gives the service's
     * account {@code servicePassword}, and starts the broker, returning once it listens on {@code host:port}.
     */
    public static MosquittoBroker start(String host, int port, Path folder, String serviceUser, String servicePassword) {
        String missing = " is not installed (bin/setup installs Debian's mosquitto package); without it the service runs the "
                + "embedded Moquette broker";
        Path executable = installed().orElseThrow(() -> new TinymlException("Mosquitto" + missing));
        Path passwd = Executables.find("mosquitto_passwd", SEARCH_PATH)
                .orElseThrow(() -> new TinymlException("mosquitto_passwd" + missing));
        MosquittoBroker broker = new MosquittoBroker(executable, passwd, folder, host, port);
        try {
            Files.createDirectories(folder);
            Files.writeString(broker.file("mosquitto.conf"), broker.configuration());
            Files.writeString(broker.file("acl"), Topics.mosquittoAcl());
            Files.deleteIfExists(broker.file("mosquitto.log"));
        } catch (IOException e) {
            throw new TinymlException("cannot write Mosquitto's files into " + folder + ": " + IoFailure.reason(e), e);
        }
        broker.setAccount(serviceUser, servicePassword);
        broker.stopLeftOver();
        broker.launch();
        return broker;
    }

    @Override
    public String url() {
        return "tcp://" + host + ":" + port;
    }

    /** The account's hash goes into the password file, the broker reads it again, and a login with it is tried until it takes. */
    @Override
    public synchronized void admit(String user, String password) {
        setAccount(user, password);
        signal("-HUP");
        long deadline = System.nanoTime() + READY.toNanos();
        while (!admits(user, password)) {
            if (System.nanoTime() > deadline) {
                throw new TinymlException("Mosquitto did not admit the new account " + user + " within " + READY.toSeconds()
                        + " s of reading its password file again; see " + file("mosquitto.log"));
            }
            pause();
        }
    }

    @Override
    public synchronized void restart() {
        stop();
        launch();
    }

    @Override
    public synchronized void close() {
        stop();
        try {
            Files.deleteIfExists(file("mosquitto.pid"));
        } catch (IOException e) {
            // a pid file left behind names a process that is gone; the next start checks before it stops anything
        }
    }

    private String configuration() {
        return String.join("\n",
                "# written by the TinyMLaaS service at each start; edits are lost",
                "listener " + port + " " + host,
                "allow_anonymous false",
                "password_file " + file("passwords"),
                "acl_file " + file("acl"),
                "persistence false",
                // run as root, Mosquitto would switch to its own user, which cannot read this folder
                "user " + System.getProperty("user.name"),
                "log_dest stderr",
                "");
    }

    /** Sets one account's password, hashed by mosquitto_passwd from a plain file only this user can read. */
    private void setAccount(String user, String password) {
        Path plain = file("account.tmp");
        try {
            Files.deleteIfExists(plain);
            Files.createFile(plain, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(plain, user + ":" + password + "\n");
            hash(plain);
            String hashed = Files.readString(plain).strip();
            Path passwords = file("passwords");
            if (!Files.exists(passwords)) {
                Files.createFile(passwords, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            List<String> others;
            try (Stream<String> lines = Files.lines(passwords)) {
                others = lines.filter(line -> !line.startsWith(user + ":")).toList();
            }
            Files.write(passwords, Stream.concat(others.stream(), Stream.of(hashed)).toList());
        } catch (IOException e) {
            throw new TinymlException("cannot set the Mosquitto account " + user + " in " + folder + ": " + IoFailure.reason(e), e);
        } finally {
            try {
                Files.deleteIfExists(plain);
            } catch (IOException e) {
                // only its owner can read it, and the next account overwrites it
            }
        }
    }

    /** mosquitto_passwd -U replaces each "user:password" line of a file with the user's hashed entry. */
    private void hash(Path plain) throws IOException {
        try {
            Process hashing = new ProcessBuilder(passwd.toString(), "-U", plain.toString()).redirectErrorStream(true).start();
            String output = new String(hashing.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (hashing.waitFor() != 0) {
                throw new TinymlException(passwd + " -U failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TinymlException("interrupted while hashing a Mosquitto password", e);
        }
    }

    private void launch() {
        Path log = file("mosquitto.log");
        try {
            long from = Files.exists(log) ? Files.size(log) : 0;
            process = new ProcessBuilder(executable.toString(), "-c", file("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Files.writeString(file("mosquitto.pid"), process.pid() + "\n");
            awaitRunning(log, from);
        } catch (IOException e) {
            stop();
            throw new TinymlException("cannot start Mosquitto (" + executable + "): " + IoFailure.reason(e), e);
        }
    }

    /** Mosquitto says "running" once it listens; a port taken by another broker makes it exit instead, saying why. */
    private void awaitRunning(Path log, long from) throws IOException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (true) {
            String said = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).substring((int) from);
            if (said.contains(" running")) {
                return;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new TinymlException("Mosquitto did not start on " + host + ":" + port + (said.contains("in use")
                        ? " (the port is taken: pick another with --mqtt-port)" : "") + "; it said: " + said.strip());
            }
            pause();
        }
    }

    /** A broker this folder's service started and never stopped (the service was killed) would hold the port. */
    private void stopLeftOver() {
        Path pid = file("mosquitto.pid");
        try {
            if (!Files.exists(pid)) {
                return;
            }
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                    .filter(left -> left.info().command().map(command -> command.endsWith("mosquitto")).orElse(false))
                    .ifPresent(left -> {
                        left.destroy();
                        left.onExit().join();
                    });
        } catch (IOException | NumberFormatException e) {
            // no readable pid: nothing of ours to stop
        }
    }

    private boolean admits(String user, String password) {
        try {
            MqttClient probe = new MqttClient(url(), "tinyml-admit-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(user);
            options.setPassword(password.toCharArray());
            try {
                probe.connect(options);
                probe.disconnect();
                return true;
            } finally {
                probe.close();
            }
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                    || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED) {
                return false;
            }
            throw new TinymlException("cannot reach Mosquitto at " + url() + " to check the account " + user + ": " + e.getMessage(), e);
        }
    }

    private void signal(String signal) {
        try {
            if (new ProcessBuilder("kill", signal, String.valueOf(process.pid())).start().waitFor() != 0) {
                throw new TinymlException("cannot signal Mosquitto (pid " + process.pid() + "): is it still running? see "
                        + file("mosquitto.log"));
            }
        } catch (IOException e) {
            throw new TinymlException("cannot run kill: " + IoFailure.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TinymlException("interrupted while signalling Mosquitto", e);
        }
    }

    private void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private Path file(String name) {
        return folder.resolve(name);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TinymlException("interrupted while waiting for Mosquitto", e);
        }
    }
}
