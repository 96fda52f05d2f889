package io.tinymlaas.device.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.board.BoardCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RenodeEmulatorTest {

    private static final BoardCatalog CATALOG = BoardCatalog.fromProject();
    private static final Path RENODE_DIR = CATALOG.directory().getParent().resolve("renode");

    @TempDir
    Path tempDir;

    // ---- availability ----

    @Test
    void availabilitySaysRenodeIsNotInstalledWhenThePathHasNoRenode() {
        RenodeEmulator renode = new RenodeEmulator(RENODE_DIR, "");

        Availability availability = renode.availability(CATALOG.byId("arduino_nano_33_ble_sense"));

        assertThat(availability.available()).isFalse();
        assertThat(availability.reason()).startsWith("renode is not installed (not in Debian, npm or Maven Central;"
                + " install the portable build from builds.renode.io and put renode on PATH)");
    }

    @Test
    void aRenodeFileThatIsNotExecutableDoesNotCountAsInstalled() throws IOException {
        Path bin = Files.createDirectories(tempDir.resolve("bin"));
        Files.writeString(bin.resolve("renode"), "not a program");
        Files.setPosixFilePermissions(bin.resolve("renode"), PosixFilePermissions.fromString("rw-r--r--"));

        RenodeEmulator renode = new RenodeEmulator(RENODE_DIR, bin.toString());

        assertThat(renode.executable()).isEmpty();
        assertThat(renode.availability(CATALOG.byId("stm32f746_disco")).reason()).contains("renode is not installed");
    }

    @Test
    void anExecutableRenodeInAnyPathEntryIsFound() throws IOException {
        Path bin = fakeRenodeOnPath("ok");

        RenodeEmulator renode = new RenodeEmulator(RENODE_DIR, "/nonexistent-dir:" + bin);

        assertThat(renode.executable()).contains(bin.resolve("renode"));
    }

    @Test
    void aBoardWithoutARenodePlatformIsRefusedWithItsIdInTheReason() throws IOException {
        RenodeEmulator renode = new RenodeEmulator(RENODE_DIR, fakeRenodeOnPath("ok").toString());

        Availability availability = renode.availability(CATALOG.byId("sony_spresense"));

        assertThat(availability.available()).isFalse();
        assertThat(availability.reason())
                .contains("sony_spresense has no Renode platform")
                .doesNotContain("not installed");
    }

    @Test
    void withRenodeOnThePathEveryBoardWithAPlatformAndFirmwareForTheRealBoardIsAvailable() throws IOException {
        RenodeEmulator renode = new RenodeEmulator(RENODE_DIR, fakeRenodeOnPath("ok").toString());

        assertThat(List.of("arduino_nano_33_ble_sense", "circuit_playground_bluefruit", "stm32f746_disco", "wio_terminal",
                "adafruit_edgebadge", "adafruit_tflm_kit")).allSatisfy(id ->
                assertThat(renode.availability(CATALOG.byId(id))).as(id).isEqualTo(Availability.yes()));
        assertThat(renode.runsDeviceFirmware()).isTrue();
        assertThat(renode.describe(CATALOG.byId("stm32f746_disco")))
                .isEqualTo("renode platforms/boards/stm32f7_discovery-bb.repl (Renode's model of the board, the real board's firmware)");
    }

    @Test
    void aBoardWithAPlatformButNoFirmwareForTheRealBoardIsRefusedNamingTheMissingFamily() throws IOException {
        Board nano = CATALOG.byId("arduino_nano_33_ble_sense");
        Board withoutFamily = new Board(nano.id(), nano.name(), nano.mcu(), nano.core(), nano.fpu(), nano.clockMhz(),
                nano.flashBytes(), nano.ramBytes(), nano.consoleUart(), nano.renode(), nano.qemu(), nano.toolchain(),
                nano.emulation(), nano.unsupportedReason(), nano.sources(), nano.notes(), nano.economics());

        Availability availability = new RenodeEmulator(RENODE_DIR, fakeRenodeOnPath("ok").toString()).availability(withoutFamily);

        assertThat(availability.available()).isFalse();
        assertThat(availability.reason()).contains("arduino_nano_33_ble_sense has no firmware for the real board yet")
                .contains("family and device");
    }

    // ---- generated monitor commands and committed scripts ----

    @Test
    void theGeneratedCommandsForArduinoNano33BleSenseLoadItsPlatformAndConnectUart0ToTheTerminal() {
        List<String> commands = RenodeScript.rescCommands(CATALOG.byId("arduino_nano_33_ble_sense"));

        assertThat(commands).containsExactly(
                "mach create \"arduino_nano_33_ble_sense\"",
                "machine LoadPlatformDescription @platforms/boards/arduino_nano_33_ble.repl",
                "machine PyDevFromFile $counter 0xE0001000 0x1000 False \"instruction_counter\"",
                "sysbus LoadELF $elf",
                "sysbus.cpu VectorTableOffset 0x10000",
                "emulation CreateUartPtyTerminal \"term\" $pty true",
                "connector Connect sysbus.uart0 term");
    }

    @Test
    void aSamd51BoardAddsItsOwnConsoleSercomToTheSiblingPlatformAndItsCpuIsCpu0() {
        List<String> commands = RenodeScript.rescCommands(CATALOG.byId("wio_terminal"));

        assertThat(commands).contains(
                "machine LoadPlatformDescriptionFromString \"sercom2: UART.SAMD5_UART @ sysbus 0x41012000 { -> nvic@56 }\"",
                "sysbus Unregister sysbus.dwt", "sysbus.cpu0 VectorTableOffset 0x4000", "connector Connect sysbus.sercom2 term");
        assertThat(commands.indexOf("sysbus Unregister sysbus.dwt"))
                .isLessThan(commands.indexOf("machine PyDevFromFile $counter 0xE0001000 0x1000 False \"instruction_counter\""));
    }

    @Test
    void bootCommandsSetElfCounterAndPtyThenIncludeTheBoardScriptAndStart() {
        List<String> commands = RenodeScript.bootCommands(Path.of("/fw/hello.elf"), Path.of("/tmp/r/uart"),
                Path.of("/work/main/renode/arduino_nano_33_ble_sense.resc"));

        assertThat(commands).containsExactly(
                "$elf=@/fw/hello.elf",
                "$counter=@/work/main/renode/instruction_counter.py",
                "$pty=\"/tmp/r/uart\"",
                "include @/work/main/renode/arduino_nano_33_ble_sense.resc",
                "start");
    }

    @Test
    void pathsTheMonitorWouldMisreadAreRefused() {
        assertThatThrownBy(() -> RenodeScript.bootCommands(Path.of("/my firmware/hello.elf"), Path.of("/tmp/uart"),
                Path.of("/r/x.resc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/my firmware/hello.elf");
        assertThatThrownBy(() -> RenodeScript.rescCommands(CATALOG.byId("esp32_devkitc")))
                .hasMessageContaining("esp32_devkitc has no Renode platform");
    }

    @Test
    void everyRescFileCorrespondsToABoardIdThatHasARenodePlatform() throws IOException {
        List<String> rescIds;
        try (Stream<Path> files = Files.list(RENODE_DIR)) {
            rescIds = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".resc"))
                    .map(n -> n.substring(0, n.length() - ".resc".length())).sorted().toList();
        }
        List<String> idsWithPlatform = CATALOG.all().stream()
                .filter(b -> b.renode() != null && b.renode().hasPlatform()).map(Board::id).toList();

        assertThat(rescIds).isNotEmpty().allSatisfy(id -> assertThat(CATALOG.ids()).as(id).contains(id));
        assertThat(rescIds).containsExactlyElementsOf(idsWithPlatform);
    }

    @Test
    void everyCommittedRescFileIsExactlyWhatRenodeScriptGeneratesFromTheBoardDescriptor() throws IOException {
        for (Board board : CATALOG.all()) {
            if (board.renode() != null && board.renode().hasPlatform()) {
                Path file = RENODE_DIR.resolve(RenodeScript.rescFileName(board.id()));
                assertThat(Files.readString(file)).as(file.toString()).isEqualTo(RenodeScript.resc(board));
            }
        }
    }

    @Test
    void theCommittedInstructionCounterScriptAnswersCyccntWithTheCpusExecutedInstructions() throws IOException {
        assertThat(Files.readString(RENODE_DIR.resolve(RenodeScript.COUNTER_SCRIPT)))
                .contains("request.offset == 4").contains("ExecutedInstructions");
    }

    // ---- build profile ----

    @Test
    void theBuildProfileIsTheRealBoardsApplicationRegionAndConsoleUart() {
        BuildProfile profile = new RenodeEmulator(RENODE_DIR, "").buildProfile(CATALOG.byId("stm32f746_disco"));

        assertThat(profile).isEqualTo(new BuildProfile("cortex-m7", CATALOG.byId("stm32f746_disco").family().fpuFlags(),
                0x08000000L, 1048576, 0x20000000L, 327680, 0x40011000L, 0, 1, 1, FrameBuffer.NONE));
        assertThat(new RenodeEmulator(RENODE_DIR, "").buildProfile(CATALOG.byId("arduino_nano_33_ble_sense")).flashOrigin())
                .isEqualTo(0x10000);
        assertThatThrownBy(() -> new RenodeEmulator(RENODE_DIR, "").buildProfile(CATALOG.byId("himax_we1_plus")))
                .isInstanceOf(EmulatorException.class).hasMessageContaining("himax_we1_plus");
    }

    // ---- monitor protocol ----

    @Test
    void telnetNegotiationBytesAreSkippedAndLiteralFfIsKept() {
        RenodeEmulator.TelnetFilter filter = new RenodeEmulator.TelnetFilter();
        byte[] first = {(byte) 255, (byte) 251, 1, (byte) 255, (byte) 250, 24, 1, (byte) 255, (byte) 240, '(', 'm'};
        byte[] second = {'o', 'n', (byte) 255, (byte) 255, ')', ' ', (byte) 0xC3};
        byte[] third = {(byte) 0xA9, (byte) 255, (byte) 253};

        String text = filter.feed(first, first.length) + filter.feed(second, second.length)
                + filter.feed(third, third.length);

        assertThat(text).isEqualTo("(mon\uFFFD) \u00E9");
    }

    @Test
    void aMonitorReplyIsAnErrorOnlyWhenItsTextOtherThanTheEchoSaysSo() {
        assertThat(RenodeEmulator.Monitor.error("include @/tmp/error-dir/x.resc\n(monitor) ", "include @/tmp/error-dir/x.resc"))
                .isEmpty();
        assertThat(RenodeEmulator.Monitor.error("start\nNo such command or device: strat\n(monitor) ", "start"))
                .contains("No such command or device: strat");
    }

    // ---- boot against a fake renode that speaks the monitor protocol ----

    @Test
    @Timeout(60)
    void bootSendsTheCommandsOverTheMonitorReturnsThePtyAndCloseQuitsRenode() throws IOException {
        Path bin = fakeRenodeOnPath("ok");
        Path elf = Files.writeString(tempDir.resolve("fw.elf"), "not really an ELF");
        RenodeEmulator renode = new RenodeEmulator(RENODE_DIR, bin.toString());

        RunningBoard board = renode.boot(CATALOG.byId("arduino_nano_33_ble_sense"), elf, Duration.ofSeconds(30));
        try {
            assertThat(board.alive()).isTrue();
            // The fake links the pty path to /dev/null; the backend hands out the link's target.
            assertThat(board.serialDevice()).isEqualTo("/dev/null");
            assertThat(board.emulatorLog()).contains("Monitor available in telnet mode on port");
        } finally {
            board.close();
        }

        assertThat(board.alive()).isFalse();
        List<String> log = Files.readAllLines(bin.resolve("fake.log"));
        assertThat(log.get(0)).matches("ARGS --disable-xwt --plain -P \\d+");
        assertThat(log.stream().filter(l -> l.startsWith("CMD ") && !l.isBlank()).map(l -> l.substring(4))
                .filter(l -> !l.isBlank()).toList())
                .containsExactly(
                        "$elf=@" + elf.toAbsolutePath(),
                        "$counter=@" + RENODE_DIR.resolve("instruction_counter.py"),
                        "$pty=\"" + log.stream().filter(l -> l.startsWith("PTY ")).findFirst().orElseThrow().substring(4) + "\"",
                        "include @" + RENODE_DIR.resolve("arduino_nano_33_ble_sense.resc"),
                        "start",
                        "quit");
        assertThat(log).contains(
                "RUN mach create \"arduino_nano_33_ble_sense\"",
                "RUN machine LoadPlatformDescription @platforms/boards/arduino_nano_33_ble.repl",
                "RUN sysbus LoadELF @" + elf.toAbsolutePath(),
                "RUN connector Connect sysbus.uart0 term");
    }

    @Test
    @Timeout(60)
    void aHangingStartIsReportedWithTheStepAndTheLastMonitorOutput() throws IOException {
        assertThatBootOnTheFakeFails("hang-on-start", 8)
                .hasMessageContaining("hung: monitor command `start` did not finish within 8.0 s")
                .hasMessageContaining("last monitor output:")
                .hasMessageContaining("(arduino_nano_33_ble_sense)");
    }

    @Test
    @Timeout(60)
    void aPtyThatNeverAppearsIsReportedAsTheStepThatHung() throws IOException {
        assertThatBootOnTheFakeFails("no-pty", 8)
                .hasMessageContaining("hung: waiting for the UART pty");
    }

    @Test
    @Timeout(60)
    void aMonitorErrorDuringTheScriptStopsTheBootAndIsQuoted() throws IOException {
        assertThatBootOnTheFakeFails("bad-platform", 30)
                .hasMessageContaining("refused monitor command `include @")
                .hasMessageContaining("There was an error executing command 'machine LoadPlatformDescription");
    }

    @Test
    void bootRefusesAnUnavailableBoardWithTheReason() {
        RenodeEmulator renode = new RenodeEmulator(RENODE_DIR, "");

        assertThatThrownBy(() -> renode.boot(CATALOG.byId("esp_eye"), tempDir.resolve("fw.elf"), Duration.ofSeconds(1)))
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining("renode is not installed")
                .hasMessageContaining("esp_eye has no Renode platform");
    }

    /** Boots the Nano 33 BLE Sense on a fake Renode in {@code mode}, which must fail with an EmulatorException. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertThatBootOnTheFakeFails(String mode, int seconds)
            throws IOException {
        Path bin = fakeRenodeOnPath(mode);
        Path elf = Files.writeString(tempDir.resolve("fw.elf"), "x");
        RenodeEmulator renode = new RenodeEmulator(RENODE_DIR, bin.toString());
        return assertThatThrownBy(() -> renode.boot(CATALOG.byId("arduino_nano_33_ble_sense"), elf, Duration.ofSeconds(seconds)))
                .isInstanceOf(EmulatorException.class);
    }

    /** A folder holding an executable {@code renode} that runs {@link FakeRenode} in the given mode, logging to fake.log there. */
    private Path fakeRenodeOnPath(String mode) throws IOException {
        Path bin = Files.createDirectories(tempDir.resolve("fake-" + mode));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path classes;
        try {
            classes = Path.of(FakeRenode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String script = "#!/bin/sh\nexec '" + java + "' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '" + classes + "'"
                + " '-Dfake.mode=" + mode + "' '-Dfake.log=" + bin.resolve("fake.log") + "'"
                + " 'io.tinymlaas.device.emulator.RenodeEmulatorTest$FakeRenode' \"$@\"\n";
        Path renode = Files.writeString(bin.resolve("renode"), script);
        Files.setPosixFilePermissions(renode, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    /**
     * Stands in for Renode as far as this backend sees it: the command-line options, a telnet-mode monitor on the
     * -P port (negotiation bytes, the 9 bytes of the client's answer swallowed, echo, prompts that follow {@code mach create}),
     * variables, {@code include} of a .resc, a pty link made by CreateUartPtyTerminal, and {@code quit}.
     */
    public static final class FakeRenode {
        private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)=(.*)");
        private static final Pattern USE = Pattern.compile("\\$(\\w+)");

        private final String mode;
        private final Path log;
        private final Map<String, String> variables = new HashMap<>();
        private String prompt = "monitor";

        private FakeRenode(String mode, Path log) {
            this.mode = mode;
            this.log = log;
        }

        public static void main(String[] args) throws Exception {
            FakeRenode fake = new FakeRenode(System.getProperty("fake.mode"), Path.of(System.getProperty("fake.log")));
            fake.log("ARGS " + String.join(" ", args));
            List<String> options = List.of(args);
            int p = options.indexOf("-P");
            if (!options.contains("--disable-xwt") || !options.contains("--plain") || p < 0 || p + 1 >= args.length) {
                System.out.println("fake renode: expected --disable-xwt --plain -P PORT");
                System.exit(2);
            }
            int port = Integer.parseInt(args[p + 1]);
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                System.out.println("Monitor available in telnet mode on port " + port);
                System.out.flush();
                try (Socket client = server.accept()) {
                    fake.serve(client.getInputStream(), client.getOutputStream());
                }
            }
        }

        private void serve(InputStream in, OutputStream out) throws IOException, InterruptedException {
            out.write(new byte[] {(byte) 255, (byte) 251, 1, (byte) 255, (byte) 251, 3,
                    (byte) 255, (byte) 250, 24, 1, (byte) 255, (byte) 240});
            out.flush();
            // Renode swallows the client's next 9 bytes, the telnet answer, and only then greets.
            in.readNBytes(9);
            write(out, "Renode, version fake\r\n\u001B[K(" + prompt + ") ");
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    if (b != '\r') {
                        line.write(b);
                    }
                    continue;
                }
                String command = line.toString(StandardCharsets.UTF_8);
                line.reset();
                log("CMD " + command);
                write(out, command + "\r\n");
                if (command.strip().equals("quit")) {
                    return;
                }
                if (command.strip().equals("start") && mode.equals("hang-on-start")) {
                    Thread.sleep(TimeUnit.MINUTES.toMillis(5));
                    return;
                }
                String reply = execute(command.strip());
                write(out, (reply.isEmpty() ? "" : reply + "\r\n") + "(" + prompt + ") ");
            }
        }

        private String execute(String command) throws IOException {
            Matcher variable = VARIABLE.matcher(command);
            if (command.isEmpty() || command.equals("start")) {
                return "";
            }
            if (variable.matches()) {
                variables.put(variable.group(1), variable.group(2));
                if (variable.group(1).equals("pty")) {
                    log("PTY " + unquote(variable.group(2)));
                }
                return "";
            }
            if (command.startsWith("include @")) {
                StringBuilder replies = new StringBuilder();
                for (String line : Files.readAllLines(Path.of(command.substring("include @".length())))) {
                    if (line.isBlank() || line.startsWith(":")) {
                        continue;
                    }
                    String resolved = substitute(line);
                    log("RUN " + resolved);
                    String reply = execute(resolved);
                    if (!reply.isEmpty()) {
                        replies.append(reply);
                        break;
                    }
                }
                return replies.toString();
            }
            String[] words = command.split(" ");
            if (command.startsWith("mach create \"")) {
                prompt = unquote(words[2]);
                return "";
            }
            if (command.startsWith("machine LoadPlatformDescription @platforms/") && command.endsWith(".repl")) {
                return mode.equals("bad-platform")
                        ? "There was an error executing command '" + command + "'\r\nError E00: fake parse failure" : "";
            }
            if (command.startsWith("sysbus LoadELF @")) {
                String file = command.substring("sysbus LoadELF @".length());
                return Files.isRegularFile(Path.of(file)) ? "" : "Could not find file '" + file + "'";
            }
            if (command.startsWith("emulation CreateUartPtyTerminal \"term\" \"") && command.endsWith("\" true")) {
                if (!mode.equals("no-pty")) {
                    Files.createSymbolicLink(Path.of(unquote(words[3])), Path.of("/dev/null"));
                }
                return "";
            }
            if (command.matches("connector Connect sysbus\\.\\w+ term")
                    || command.matches("machine PyDevFromFile @\\S+instruction_counter\\.py 0xE0001000 0x1000 False \"instruction_counter\"")
                    || command.matches("sysbus\\.cpu0? VectorTableOffset 0x[0-9a-f]+")) {
                return "";
            }
            return "No such command or device: " + command;
        }

        private String substitute(String line) {
            Matcher use = USE.matcher(line);
            StringBuilder out = new StringBuilder();
            while (use.find()) {
                use.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(use.group(1), use.group())));
            }
            use.appendTail(out);
            return out.toString();
        }

        private static String unquote(String text) {
            return text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
        }

        private static void write(OutputStream out, String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private void log(String line) throws IOException {
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
