package io.tinymlaas.device.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardCatalogTest {

    /** The twelve seed boards plus the Cortex-M55 reference board (arm_mps3_an547), sorted by id. */
    private static final List<String> SEED_BOARDS = List.of(
            "adafruit_edgebadge", "adafruit_tflm_kit", "arc_emsdp", "arduino_nano_33_ble_sense", "arm_mps3_an547",
            "circuit_playground_bluefruit", "esp32_devkitc", "esp_eye", "himax_we1_plus", "sony_spresense",
            "sparkfun_edge", "stm32f746_disco", "wio_terminal");

    /** The proxy each emulatable core must use (DESIGN.md §2). */
    private static final Map<String, String> PROXY_FOR_CORE = Map.of(
            "cortex-m4", "mps2-an386",
            "cortex-m7", "mps2-an500",
            "cortex-m55", "mps3-an547");

    /** A valid descriptor for a file named {@code test_board.yaml}; tests break one field of it. */
    private static final String VALID = """
            id: test_board
            name: Test Board
            mcu: Test MCU
            core: cortex-m4
            fpu: FPv4-SP
            clock_mhz: 64
            flash_bytes: 1048576
            ram_bytes: 262144
            console_uart: UART0
            renode:
              platform: null
              uart: null
            qemu:
              machine: mps2-an386
              cpu: cortex-m4
            toolchain: arm-none-eabi-gcc
            emulation: qemu
            unsupported_reason: null
            sources:
              - a test
            """;

    @TempDir
    Path tempDir;

    private final BoardCatalog catalog = BoardCatalog.fromProject();

    @Test
    void theSeedBoardsAndTheM55ReferenceLoadFromTheProjectSortedById() {
        assertThat(catalog.all()).extracting(Board::id).containsExactlyElementsOf(SEED_BOARDS);
        assertThat(catalog.directory()).endsWith(Path.of("boards"));
    }

    @Test
    void nano33BleSenseHasTheRealNrf52840MemoryAndProxiesToMps2An386() {
        Board nano = catalog.byId("arduino_nano_33_ble_sense");

        assertThat(nano.flashBytes()).isEqualTo(1_048_576L);
        assertThat(nano.ramBytes()).isEqualTo(262_144L);
        assertThat(nano.core()).isEqualTo("cortex-m4");
        assertThat(nano.clockMhz()).isEqualTo(64);
        assertThat(nano.qemu()).isEqualTo(new Board.Qemu("mps2-an386", "cortex-m4"));
        assertThat(nano.renode()).isEqualTo(
                new Board.Renode("platforms/boards/arduino_nano_33_ble.repl", "sysbus.uart0"));
        assertThat(nano.emulatable()).isTrue();
        assertThat(nano.unsupportedReason()).isNull();
    }

    @Test
    void stm32f746DiscoProxiesToMps2An500With320KiBOfRam() {
        Board disco = catalog.byId("stm32f746_disco");

        assertThat(disco.core()).isEqualTo("cortex-m7");
        assertThat(disco.qemu()).isEqualTo(new Board.Qemu("mps2-an500", "cortex-m7"));
        assertThat(disco.ramBytes()).isEqualTo(320L * 1024);
        assertThat(disco.flashBytes()).isEqualTo(1024L * 1024);
        assertThat(disco.renode().uart()).isEqualTo("sysbus.usart1");
        assertThat(disco.emulatable()).isTrue();
    }

    @Test
    void esp32BoardsRunOnTheXtensaProxyAndArcBoardsAreNotEmulatableAndSayWhy() {
        for (String id : List.of("esp32_devkitc", "esp_eye")) {
            Board board = catalog.byId(id);
            assertThat(board.emulatable()).as(id).isTrue();
            assertThat(board.qemu()).as(id).isEqualTo(new Board.Qemu("lx60-nommu", "lx106"));
            assertThat(board.unsupportedReason()).as(id).isNull();
        }
        for (String id : List.of("himax_we1_plus", "arc_emsdp")) {
            Board board = catalog.byId(id);
            assertThat(board.emulatable()).as(id).isFalse();
            assertThat(board.emulation()).as(id).isEqualTo(Board.Emulation.NONE);
            assertThat(board.unsupportedReason()).as(id).startsWith("no ARC emulator installed (qemu-system-arc)");
            assertThat(board.qemu()).as(id).isEqualTo(new Board.Qemu("arc-sim", "arcem"));
        }
    }

    @Test
    void emulatableListsExactlyTheBoardsWithAQemuProxyOfTheirCore() {
        assertThat(catalog.emulatable()).extracting(Board::id).containsExactly(
                "adafruit_edgebadge", "adafruit_tflm_kit", "arduino_nano_33_ble_sense", "arm_mps3_an547",
                "circuit_playground_bluefruit", "esp32_devkitc", "esp_eye", "sony_spresense", "sparkfun_edge",
                "stm32f746_disco", "wio_terminal");
        for (Board board : catalog.emulatable().stream().filter(b -> b.core().startsWith("cortex-")).toList()) {
            assertThat(board.qemu().machine()).as(board.id()).isEqualTo(PROXY_FOR_CORE.get(board.core()));
            assertThat(board.qemu().cpu()).as(board.id()).isEqualTo(board.core());
        }
    }

    @Test
    void everyDescriptorCitesItsSources() {
        assertThat(catalog.all()).allSatisfy(board -> assertThat(board.sources()).as(board.id()).isNotEmpty());
    }

    @Test
    void unknownIdErrorListsTheKnownIds() {
        assertThatThrownBy(() -> catalog.byId("arduino_uno"))
                .isInstanceOf(UnknownBoardException.class)
                .hasMessageContaining("arduino_uno")
                .hasMessageContaining(String.join(", ", SEED_BOARDS));
    }

    @Test
    void descriptorMissingRamBytesFailsNamingTheFileAndTheField() throws IOException {
        Path file = write("test_board", VALID.replace("ram_bytes: 262144\n", ""));

        assertThatThrownBy(() -> new BoardCatalog(tempDir))
                .isInstanceOf(BoardDescriptorException.class)
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContaining("ram_bytes")
                .satisfies(e -> assertThat(((BoardDescriptorException) e).field()).isEqualTo("ram_bytes"));
    }

    @Test
    void aValidDescriptorInAnyDirectoryLoads() throws IOException {
        write("test_board", VALID);

        BoardCatalog custom = new BoardCatalog(tempDir);

        assertThat(custom.all()).singleElement().satisfies(board -> {
            assertThat(board.id()).isEqualTo("test_board");
            assertThat(board.notes()).isEmpty();
            assertThat(board.renode().hasPlatform()).isFalse();
        });
    }

    @Test
    void nonPositiveSizeIsRejected() throws IOException {
        assertEditRejected("flash_bytes: 1048576", "flash_bytes: 0", "flash_bytes", "positive");
    }

    @Test
    void emulationNoneWithoutUnsupportedReasonIsRejected() throws IOException {
        assertEditRejected("emulation: qemu", "emulation: none", "unsupported_reason", "required when emulation is none");
    }

    @Test
    void unsupportedReasonOnAnEmulatableBoardIsRejected() throws IOException {
        assertEditRejected("unsupported_reason: null", "unsupported_reason: no emulator", "unsupported_reason", "must be null");
    }

    @Test
    void idThatDiffersFromTheFileNameIsRejected() throws IOException {
        assertEditRejected("id: test_board", "id: other_board", "id", "file name");
    }

    @Test
    void misspelledFieldIsRejectedByName() throws IOException {
        assertEditRejected("clock_mhz:", "clock_mHz:", "clock_mHz", "unknown field");
    }

    @Test
    void economicsAreReadWhereTheDescriptorGivesThem() throws IOException {
        write("test_board", VALID + "economics:\n  active_mw: 9.9\n  sleep_uw: 9.48\n  unit_price_usd: 41\n");

        assertThat(new BoardCatalog(tempDir).byId("test_board").economics()).isEqualTo(new Board.Economics(9.9, 9.48, 41));
    }

    @Test
    void aNegativeOrMissingEconomicsFigureIsRejectedByName() throws IOException {
        write("test_board", VALID + "economics:\n  active_mw: -1\n  sleep_uw: 9.48\n  unit_price_usd: 41\n");
        assertThatThrownBy(() -> new BoardCatalog(tempDir)).isInstanceOf(BoardDescriptorException.class)
                .hasMessageContaining("'economics.active_mw'").hasMessageContaining("must be a positive number, found number '-1'");

        write("test_board", VALID + "economics:\n  active_mw: 9.9\n  unit_price_usd: 41\n");
        assertThatThrownBy(() -> new BoardCatalog(tempDir)).isInstanceOf(BoardDescriptorException.class)
                .hasMessageContaining("'economics.sleep_uw'").hasMessageContaining("required field is missing");
    }

    @Test
    void flashTimingIsReadWhereGivenAndABadFigureIsRejectedByName() throws IOException {
        write("test_board", VALID + "flash_timing:\n  wait_states: 7\n  cache: true\n  source: \"RM0385 Table 5\"\n");
        assertThat(new BoardCatalog(tempDir).byId("test_board").flashTiming())
                .isEqualTo(new Board.FlashTiming(7, true, "RM0385 Table 5"));

        write("test_board", VALID + "flash_timing:\n  wait_states: 7\n  cache: yes please\n  source: \"x\"\n");
        assertThatThrownBy(() -> new BoardCatalog(tempDir)).isInstanceOf(BoardDescriptorException.class)
                .hasMessageContaining("'flash_timing.cache'").hasMessageContaining("must be true or false");

        write("test_board", VALID + "flash_timing:\n  wait_states: -1\n  cache: false\n  source: \"x\"\n");
        assertThatThrownBy(() -> new BoardCatalog(tempDir)).isInstanceOf(BoardDescriptorException.class)
                .hasMessageContaining("'flash_timing.wait_states'").hasMessageContaining("at least 0");
    }

    /** A device section for the valid descriptor: an nRF52840 board behind a 64 KiB bootloader. */
    private static final String DEVICE = """
            family: nrf52840
            device:
              flash_origin: 0x10000
              flash_bytes: 950272
              ram_origin: 0x20000000
              ram_bytes: 262144
              console: {uart: uarte0, base: 0x40002000, tx: P1.03, rx: P1.10}
              images: [bin, uf2]
              flash_command: bossac -w test_board.bin
            """;

    @Test
    void aBoardOfAKnownFamilyGivesItsBootloaderOffsetMemoryConsoleAndImagesAsData() throws IOException {
        write("test_board", VALID + DEVICE);

        Board board = new BoardCatalog(tempDir).byId("test_board");
        assertThat(board.family()).isEqualTo(McuFamily.NRF52840);
        assertThat(board.device()).isEqualTo(new Device(0x10000, 950_272, 0x2000_0000L, 262_144,
                new Device.Console("uarte0", 0x4000_2000L, "P1.03", "P1.10", null, null),
                List.of(Device.ImageFormat.BIN, Device.ImageFormat.UF2), "bossac -w test_board.bin"));
    }

    @Test
    void pinNamesBecomePortTimesThirtyTwoPlusPin() {
        assertThat(Device.Console.pinNumber("P1.03")).isEqualTo(35);
        assertThat(Device.Console.pinNumber("P0.30")).isEqualTo(30);
        assertThat(Device.Console.pinNumber("PB16")).isEqualTo(48);
        assertThat(Device.Console.pinNumber("PA9")).isEqualTo(9);
        assertThat(Device.Console.pinNumber("PAD48")).isEqualTo(48);
        assertThat(Device.Console.pinNumber("PIN17")).isEqualTo(17);
        assertThat(Device.Console.isPinName("PB32")).isFalse();
        assertThat(Device.Console.isPinName("D1")).isFalse();
    }

    @Test
    void everyCortexMSeedBoardHasAFirmwareFamilyAndItsImageWhereItsBootloaderWantsIt() {
        assertThat(catalog.all().stream().filter(b -> b.family() != null).map(Board::id)).containsExactlyInAnyOrder(
                "adafruit_edgebadge", "adafruit_tflm_kit", "arduino_nano_33_ble_sense", "circuit_playground_bluefruit",
                "sony_spresense", "sparkfun_edge", "stm32f746_disco", "wio_terminal");
        assertThat(catalog.byId("arduino_nano_33_ble_sense").device().flashOrigin()).isEqualTo(0x10000);
        assertThat(catalog.byId("circuit_playground_bluefruit").device().flashOrigin()).isEqualTo(0x26000);
        assertThat(catalog.byId("wio_terminal").device().flashOrigin()).isEqualTo(0x4000);
        assertThat(catalog.byId("stm32f746_disco").device().flashOrigin()).isEqualTo(0x0800_0000L);
        assertThat(catalog.byId("sparkfun_edge").device().flashOrigin()).isEqualTo(0xC000);
        assertThat(catalog.byId("sony_spresense").device().flashOrigin()).as("loaded into RAM by the Spresense loader")
                .isEqualTo(0x0D00_0000L);
    }

    @Test
    void anUnknownFamilyAMissingDeviceABadPinAndUf2WithoutAFamilyIdAreRejectedByName() throws IOException {
        write("test_board", VALID + DEVICE.replace("family: nrf52840", "family: nrf9160"));
        assertThatThrownBy(() -> new BoardCatalog(tempDir)).isInstanceOf(BoardDescriptorException.class)
                .hasMessageContaining("'family'").hasMessageContaining("'nrf9160' is not one of nrf52840, stm32f7, samd51, apollo3, cxd56");

        write("test_board", VALID + "family: nrf52840\n");
        assertThatThrownBy(() -> new BoardCatalog(tempDir)).isInstanceOf(BoardDescriptorException.class)
                .hasMessageContaining("'device'").hasMessageContaining("family and device go together");

        write("test_board", VALID + DEVICE.replace("tx: P1.03", "tx: D1"));
        assertThatThrownBy(() -> new BoardCatalog(tempDir)).isInstanceOf(BoardDescriptorException.class)
                .hasMessageContaining("'device.console.tx'").hasMessageContaining("'D1' is not a pin name");

        write("test_board", VALID + DEVICE.replace("family: nrf52840", "family: stm32f7"));
        assertThatThrownBy(() -> new BoardCatalog(tempDir)).isInstanceOf(BoardDescriptorException.class)
                .hasMessageContaining("'device.images[1]'").hasMessageContaining("stm32f7 has none");

        write("test_board", VALID + DEVICE.replace("flash_bytes: 950272", "flash_bytes: 2097152"));
        assertThatThrownBy(() -> new BoardCatalog(tempDir)).isInstanceOf(BoardDescriptorException.class)
                .hasMessageContaining("'device.flash_bytes'").hasMessageContaining("must be at most 1048576");
    }

    private Path write(String id, String yaml) throws IOException {
        return Files.writeString(tempDir.resolve(id + ".yaml"), yaml);
    }

    /** The valid descriptor with {@code from} replaced by {@code to} is refused, naming the file, field and problem. */
    private void assertEditRejected(String from, String to, String field, String problem) throws IOException {
        write("test_board", VALID.replace(from, to));
        assertThatThrownBy(() -> new BoardCatalog(tempDir))
                .isInstanceOf(BoardDescriptorException.class)
                .hasMessageContaining("test_board.yaml")
                .hasMessageContaining("'" + field + "'")
                .hasMessageContaining(problem);
    }
}
