package io.tinymlaas.device.emulator;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.board.Board;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a board's firmware on Renode, using the platform antmicro/renode ships for the real board (its own
 * memory map and peripherals, unlike QEMU's same-core proxies), with the console UART on a host pty.
 *
 * <p>Boot: {@code renode --disable-xwt --plain -P <free port>} (no GUI, no colours, monitor on a telnet port;
 * BOARDS.md §2), then over a plain TCP connection to that port (telnet negotiation bytes are skipped) the
 * commands of {@link RenodeScript#bootCommands}: set {@code $elf} and {@code $pty}, {@code include} the board's
 * committed {@code renode/<board_id>.resc}, {@code start}. Each command must give the prompt back without an
 * error; then the pty link must appear. {@link RunningBoard#close()} sends {@code quit} and ends the process.
 *
 * <p>Renode models the real boards, so it runs the firmware built for the real board ({@link BuildProfile#forDevice}:
 * the family's console UART driver, the application's flash after the bootloader); the board script adds what the
 * platform lacks ({@code renode.setup}) and puts {@code renode/instruction_counter.py} where the DWT is, so the
 * firmware's cycle counter reads Renode's executed instructions. Renode is not installable on this machine (not in
 * Debian, npm or Maven Central; DESIGN.md §3), so this backend reports itself unavailable unless {@code renode} is
 * on the PATH, and the board runs on its QEMU proxy instead.
 */
public final class RenodeEmulator implements Emulator {

    static final String BINARY = "renode";
    static final String NOT_INSTALLED = "renode is not installed (not in Debian, npm or Maven Central; install the"
            + " portable build from builds.renode.io and put renode on PATH)";

    private static final Duration QUIT_GRACE = Duration.ofSeconds(5);

    private final Path scriptDirectory;
    private final String searchPath;

    /** The project's {@code renode/} scripts and the real PATH. */
    public RenodeEmulator() {
        this(ProjectLayout.find().root().resolve("renode"), System.getenv().getOrDefault("PATH", ""));
    }

    /**
     * @param scriptDirectory the folder holding {@code <board_id>.resc} (the project's {@code renode/})
     * @param searchPath      a PATH-style list of directories in which {@code renode} is looked for
     */
    public RenodeEmulator(Path scriptDirectory, String searchPath) {
        this.scriptDirectory = scriptDirectory.toAbsolutePath().normalize();
        this.searchPath = Objects.requireNonNullElse(searchPath, "");
    }

    @Override
    public String name() {
        return "renode";
    }

    @Override
    public String describe(Board board) {
        return "renode " + board.renode().platform() + " (Renode's model of the board, the real board's firmware)";
    }

    @Override
    public boolean runsDeviceFirmware() {
        return true;
    }

    /** Mono's start, the platform's loading and its offline SVD download attempts take 10-40 s on a busy machine. */
    @Override
    public Duration bootTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    public Duration answerTimeout() {
        return Duration.ofSeconds(120);
    }

    /**
     * Renode's SAMD5_UART stops transmitting when a byte arrives while the firmware sends (the boot HELLO then never ends
     * and the board hangs in its transmit loop; seen on Renode 1.15.1), so the host waits for the boot HELLO first.
     */
    @Override
    public Duration listenBeforeAsking() {
        return Duration.ofSeconds(5);
    }

    /** The {@code renode} executable on the search path, if there is one. */
    Optional<Path> executable() {
        for (String dir : searchPath.split(Pattern.quote(File.pathSeparator))) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, BINARY);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Available when renode is on the PATH, the board has a Renode platform and a committed script, and firmware for
     * the real board (an MCU family the firmware has drivers for). Otherwise every reason that applies, joined by "; ".
     */
    @Override
    public Availability availability(Board board) {
        List<String> problems = new ArrayList<>();
        if (executable().isEmpty()) {
            problems.add(NOT_INSTALLED);
        }
        problems.addAll(boardProblems(board));
        return problems.isEmpty() ? Availability.yes() : Availability.no(String.join("; ", problems));
    }

    private List<String> boardProblems(Board board) {
        Board.Renode renode = board.renode();
        if (renode == null || !renode.hasPlatform()) {
            String why = board.unsupportedReason() == null ? "" : " (" + board.unsupportedReason() + ")";
            return List.of(board.id() + " has no Renode platform: antmicro/renode ships none for it"
                    + " (renode.platform is null in boards/" + board.id() + ".yaml)" + why);
        }
        if (renode.uart() == null) {
            return List.of(board.id() + " names no console UART for Renode (renode.uart is null in boards/"
                    + board.id() + ".yaml)");
        }
        List<String> problems = new ArrayList<>();
        if (board.device() == null) {
            problems.add(board.id() + " has no firmware for the real board yet (no family and device in boards/" + board.id()
                    + ".yaml), and Renode runs the real board's firmware");
        }
        Path resc = scriptDirectory.resolve(RenodeScript.rescFileName(board.id()));
        if (!Files.isRegularFile(resc)) {
            problems.add(board.id() + ": its Renode script " + resc + " is missing");
        }
        return problems;
    }

    /** The real board's layout: Renode models the board, not a proxy. */
    @Override
    public BuildProfile buildProfile(Board board) {
        return BuildProfile.forDevice(board);
    }

    @Override
    public RunningBoard boot(Board board, Path firmwareElf, Duration timeout) {
        Availability availability = availability(board);
        if (!availability.available()) {
            throw new EmulatorException("cannot run " + board.id() + " on Renode: " + availability.reason());
        }
        if (!Files.isRegularFile(firmwareElf)) {
            throw new EmulatorException("firmware " + firmwareElf.toAbsolutePath() + " does not exist");
        }
        Path renode = executable().orElseThrow(() -> new EmulatorException(NOT_INSTALLED));
        Path resc = scriptDirectory.resolve(RenodeScript.rescFileName(board.id()));
        Path workDir;
        try {
            workDir = Files.createTempDirectory("tinyml-renode-");
        } catch (IOException e) {
            throw new EmulatorException("cannot create a temporary folder for the Renode pty: " + e.getMessage(), e);
        }
        Path ptyLink = workDir.resolve("uart");
        List<String> commands;
        try {
            commands = RenodeScript.bootCommands(firmwareElf, ptyLink, resc);
        } catch (IllegalArgumentException e) {
            deleteQuietly(workDir);
            throw new EmulatorException(e.getMessage(), e);
        }
        return new Boot(board, renode, commands, ptyLink, workDir, timeout).run();
    }

    /** One boot attempt; on failure everything it started is stopped and the message says which step did not finish. */
    private final class Boot {
        private final Board board;
        private final Path renode;
        private final List<String> commands;
        private final Path ptyLink;
        private final Path workDir;
        private final Duration timeout;
        private final long deadline;
        private Process process;
        private ProcessOutput output;
        private Monitor monitor;
        private String step = "starting renode";

        Boot(Board board, Path renode, List<String> commands, Path ptyLink, Path workDir, Duration timeout) {
            this.board = board;
            this.renode = renode;
            this.commands = commands;
            this.ptyLink = ptyLink;
            this.workDir = workDir;
            this.timeout = timeout;
            this.deadline = System.nanoTime() + timeout.toNanos();
        }

        RunningBoard run() {
            try {
                int port = freePort();
                List<String> commandLine = List.of(renode.toString(), "--disable-xwt", "--plain", "-P", Integer.toString(port));
                step = "starting " + String.join(" ", commandLine);
                process = new ProcessBuilder(commandLine)
                        .directory(scriptDirectory.getParent() == null ? null : scriptDirectory.getParent().toFile())
                        .redirectErrorStream(true)
                        .start();
                process.getOutputStream().close();
                output = new ProcessOutput(process.getInputStream(), "renode-" + board.id());

                step = "connecting to the Renode monitor on port " + port;
                monitor = connect(port);
                // Renode's telnet server swallows the client's next 9 bytes unless its negotiation is answered, and
                // prints its banner and first prompt only then (DESIGN.md §6, checked on Renode 1.15.1).
                monitor.answerNegotiation();
                step = "waiting for the first monitor prompt";
                if (monitor.awaitPrompt(0, this::left, process::isAlive) == null) {
                    throw timedOut();
                }
                // pyrenode sends a blank line first because Renode may swallow the first character after connecting.
                execute(" ");
                for (String command : commands) {
                    execute(command);
                }
                step = "waiting for the UART pty " + ptyLink + " (made by CreateUartPtyTerminal in the .resc)";
                while (!Files.exists(ptyLink, LinkOption.NOFOLLOW_LINKS)) {
                    checkAlive();
                    if (left() <= 0) {
                        throw timedOut();
                    }
                    Thread.sleep(50);
                }
                String device = ptyLink.toString();
                try {
                    device = ptyLink.toRealPath().toString();
                } catch (IOException e) {
                    // A dangling link: keep its path, jSerialComm will report the problem when opening it.
                }
                return new RenodeBoard(process, output, monitor, device, workDir);
            } catch (EmulatorException e) {
                stop();
                throw e;
            } catch (IOException e) {
                stop();
                throw new EmulatorException("Renode (" + board.id() + ") failed while " + step + ": " + e.getMessage()
                        + details(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new EmulatorException("interrupted while " + step + " for " + board.id() + " on Renode", e);
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
        }

        private void execute(String command) throws IOException, InterruptedException {
            step = command.isBlank() ? "sending a blank line to the monitor" : "monitor command `" + command + "`";
            int mark = monitor.mark();
            monitor.send(command);
            String reply = monitor.awaitPrompt(mark, this::left, process::isAlive);
            if (reply == null) {
                throw timedOut();
            }
            Optional<String> error = Monitor.error(reply, command);
            if (error.isPresent()) {
                throw new EmulatorException("Renode (" + board.id() + ") refused " + step + ": " + error.get() + details());
            }
        }

        private Monitor connect(int port) throws IOException, InterruptedException {
            while (true) {
                checkAlive();
                try {
                    Socket socket = new Socket();
                    try {
                        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                                (int) Math.max(1, Math.min(500, TimeUnit.NANOSECONDS.toMillis(left()))));
                        return new Monitor(socket);
                    } catch (IOException e) {
                        socket.close();
                        throw e;
                    }
                } catch (IOException notYet) {
                    if (left() <= 0) {
                        throw timedOut();
                    }
                    Thread.sleep(100);
                }
            }
        }

        private long left() {
            return deadline - System.nanoTime();
        }

        private void checkAlive() {
            if (process != null && !process.isAlive()) {
                throw new EmulatorException("renode exited (exit code " + process.exitValue() + ") while " + step
                        + " for " + board.id() + details());
            }
        }

        /** The error for a step that did not finish: renode's exit if it ended, else a hang. */
        private EmulatorException timedOut() {
            checkAlive();
            if (monitor != null && !monitor.connected()) {
                return new EmulatorException("Renode (" + board.id() + ") closed its monitor connection while " + step
                        + details());
            }
            return new EmulatorException("Renode (" + board.id() + ") hung: " + step + " did not finish within "
                    + timeout.toMillis() / 1000.0 + " s" + details());
        }

        private String details() {
            StringBuilder text = new StringBuilder();
            text.append("; last monitor output: ")
                    .append(monitor == null ? "(not connected)" : quote(monitor.tail(1500)));
            text.append("; renode output: ").append(output == null ? "(none)" : quote(tail(output, 1500)));
            return text.toString();
        }

        private void stop() {
            if (process != null) {
                destroy(process, Duration.ZERO);
            }
            if (monitor != null) {
                monitor.close();
            }
            deleteQuietly(workDir);
        }
    }

    /** A booted board: the Renode process, its monitor connection and the pty. */
    private static final class RenodeBoard implements RunningBoard {
        private final Process process;
        private final ProcessOutput output;
        private final Monitor monitor;
        private final String device;
        private final Path workDir;
        private boolean closed;

        RenodeBoard(Process process, ProcessOutput output, Monitor monitor, String device, Path workDir) {
            this.process = process;
            this.output = output;
            this.monitor = monitor;
            this.device = device;
            this.workDir = workDir;
        }

        @Override
        public String serialDevice() {
            return device;
        }

        @Override
        public boolean alive() {
            return process.isAlive();
        }

        @Override
        public String emulatorLog() {
            return "renode output:\n" + tail(output, 4000) + "\nmonitor:\n" + monitor.tail(4000);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                monitor.send(RenodeScript.QUIT);
            } catch (IOException e) {
                // The monitor is gone already; the process is ended below.
            }
            destroy(process, QUIT_GRACE);
            monitor.close();
            deleteQuietly(workDir);
        }
    }

    /** Waits up to {@code grace} for the process to end by itself, then ends it and everything it started. */
    static void destroy(Process process, Duration grace) {
        try {
            if (!grace.isZero() && process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            // The portable renode is a shell script that starts the runtime; end the children too.
            List<ProcessHandle> children = process.descendants().toList();
            children.forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }

    private static String quote(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? "(nothing)" : "\"" + stripped + "\"";
    }

    /** Functional access to the time left, so waits can share one deadline. */
    @FunctionalInterface
    interface NanosLeft {
        long get();
    }

    /** Whether the other end still runs. */
    @FunctionalInterface
    interface Liveness {
        boolean alive();
    }

    /**
     * A client for Renode's telnet monitor over a plain socket. Telnet negotiation (IAC sequences) is dropped
     * without answering, ANSI escape sequences and carriage returns are removed, and a command is done when the
     * output after it ends with a prompt such as {@code (monitor) } or {@code (board_id) }.
     */
    static final class Monitor implements AutoCloseable {
        private static final int KEEP = 64 * 1024;
        private static final Pattern PROMPT = Pattern.compile("(?:\\A|\\n)\\(([^()\\n]+)\\) *\\z");
        private static final Pattern ANSI = Pattern.compile("\\x1B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\\x07]*\\x07|[@-Z\\\\-_])");
        private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");
        /** Wordings of Renode monitor failures ("There was an error executing command", "No such command or device", ...). */
        private static final Pattern ERROR = Pattern.compile(
                "(?i)\\berror\\b|\\bcould not\\b|\\bno such\\b|\\bbad parameters\\b|\\bdid not match\\b|\\bexception\\b"
                        + "|\\bnot found\\b|\\bfailed\\b");

        /**
         * The nRF52840 and STM32F746 platforms fetch register descriptions (ApplySVD) from the internet and carry on
         * without them: offline, that failure is not the command's.
         */
        private static final Pattern SVD_DOWNLOAD = Pattern.compile("Failed to download \\S+\\.svd(\\.gz)?\\b");

        private final Socket socket;
        private final OutputStream out;
        private final StringBuilder text = new StringBuilder();
        private long dropped;
        private final Thread reader;

        Monitor(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            reader = new Thread(() -> pump(in), "renode-monitor");
            reader.setDaemon(true);
            reader.start();
        }

        private void pump(InputStream in) {
            TelnetFilter filter = new TelnetFilter();
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    String decoded = filter.feed(buffer, n);
                    synchronized (text) {
                        text.append(decoded);
                        if (text.length() > KEEP) {
                            int cut = text.length() - KEEP;
                            text.delete(0, cut);
                            dropped += cut;
                        }
                        text.notifyAll();
                    }
                }
            } catch (IOException e) {
                // Connection closed.
            } finally {
                synchronized (text) {
                    text.notifyAll();
                }
            }
        }

        /** False once the connection has been closed (by either end). */
        boolean connected() {
            return reader.isAlive() && !socket.isClosed();
        }

        /** Position in the (whole) received text; pass it to {@link #awaitPrompt}. */
        int mark() {
            synchronized (text) {
                return Math.toIntExact(dropped + text.length());
            }
        }

        /** IAC WILL ECHO-0 (binary), IAC DO ECHO, IAC DO SUPPRESS-GO-AHEAD: what a telnet client answers Renode with. */
        void answerNegotiation() throws IOException {
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFB, 0x00, (byte) 0xFF, (byte) 0xFD, 0x01, (byte) 0xFF, (byte) 0xFD, 0x03});
            out.flush();
        }

        void send(String command) throws IOException {
            out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /**
         * Waits until the text received since {@code mark} ends with a prompt; returns that text (cleaned), or
         * null when the time is up, the other end stopped or the connection closed.
         */
        String awaitPrompt(int mark, NanosLeft left, Liveness peer) throws InterruptedException {
            synchronized (text) {
                while (true) {
                    String since = clean(since(mark));
                    if (PROMPT.matcher(since).find()) {
                        return since;
                    }
                    long nanos = left.get();
                    if (nanos <= 0 || !peer.alive() || socket.isClosed() || !reader.isAlive()) {
                        return null;
                    }
                    text.wait(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(nanos))));
                }
            }
        }

        private String since(int mark) {
            int from = (int) Math.max(0, mark - dropped);
            return from >= text.length() ? "" : text.substring(from);
        }

        /** The last {@code chars} characters received, cleaned. */
        String tail(int chars) {
            synchronized (text) {
                String cleaned = clean(text.toString());
                return cleaned.length() <= chars ? cleaned : "..." + cleaned.substring(cleaned.length() - chars);
            }
        }

        /** The reply to {@code command} (echo and prompt removed) if it reads like a failure. */
        static Optional<String> error(String reply, String command) {
            List<String> lines = new ArrayList<>();
            for (String line : reply.split("\n")) {
                String trimmed = line.strip();
                boolean echo = !command.isBlank() && trimmed.contains(command.strip());
                boolean prompt = trimmed.matches("\\([^()]+\\)");
                if (!trimmed.isEmpty() && !echo && !prompt && !SVD_DOWNLOAD.matcher(trimmed).find()) {
                    lines.add(trimmed);
                }
            }
            String body = String.join(" | ", lines);
            return ERROR.matcher(body).find() ? Optional.of(body) : Optional.empty();
        }

        static String clean(String raw) {
            String noAnsi = ANSI.matcher(raw).replaceAll("");
            String lf = noAnsi.replace("\r\n", "\n").replace('\r', '\n');
            return CONTROL.matcher(lf).replaceAll("");
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }

    /**
     * Removes telnet commands from a byte stream: {@code IAC x} for single-byte commands, {@code IAC WILL/WONT/DO/DONT
     * option}, {@code IAC SB ... IAC SE} sub-negotiations; {@code IAC IAC} is a literal 0xFF. The rest is decoded
     * as UTF-8, keeping characters split between reads.
     */
    static final class TelnetFilter {
        private static final int IAC = 255;
        private static final int SB = 250;
        private static final int SE = 240;
        private static final int WILL = 251;
        private static final int DONT = 254;

        private enum State { DATA, COMMAND, OPTION, SUB, SUB_IAC }

        private State state = State.DATA;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(64);

        String feed(byte[] bytes, int length) {
            ensureRoom(length);
            for (int i = 0; i < length; i++) {
                int b = bytes[i] & 0xFF;
                switch (state) {
                    case DATA -> {
                        if (b == IAC) {
                            state = State.COMMAND;
                        } else {
                            pending.put((byte) b);
                        }
                    }
                    case COMMAND -> {
                        if (b == IAC) {
                            pending.put((byte) b);
                            state = State.DATA;
                        } else if (b == SB) {
                            state = State.SUB;
                        } else if (b >= WILL && b <= DONT) {
                            state = State.OPTION;
                        } else {
                            state = State.DATA;
                        }
                    }
                    case OPTION -> state = State.DATA;
                    case SUB -> {
                        if (b == IAC) {
                            state = State.SUB_IAC;
                        }
                    }
                    case SUB_IAC -> state = b == SE ? State.DATA : State.SUB;
                    default -> throw new IllegalStateException(state.name());
                }
            }
            pending.flip();
            CharBuffer chars = CharBuffer.allocate(pending.remaining() + 1);
            decoder.decode(pending, chars, false);
            pending.compact();
            chars.flip();
            return chars.toString();
        }

        private void ensureRoom(int more) {
            if (pending.remaining() < more) {
                ByteBuffer bigger = ByteBuffer.allocate(pending.position() + more + 64);
                pending.flip();
                bigger.put(pending);
                pending = bigger;
            }
        }
    }

    /** The end of what Renode printed, without its colour codes, for error messages. */
    static String tail(ProcessOutput output, int chars) {
        String cleaned = Monitor.clean(output.text());
        return cleaned.length() <= chars ? cleaned : "..." + cleaned.substring(cleaned.length() - chars);
    }
}
