package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.board.BoardCatalog;
import io.tinymlaas.device.board.Device;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Firmware for the real boards: each family's UART driver, linked at its bootloader's offset, in the files a person flashes. */
class DeviceFirmwareIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final BoardCatalog BOARDS = BoardCatalog.fromProject();
    private static final CompiledModel HELLO_WORLD =
            AotCompiler.compile(Path.of("src/test/resources/regressions/hello_world_quality_miss.tflite")).compiled();

    @TempDir
    Path work;

    static Stream<String> boardsWithAFamily() {
        return BOARDS.all().stream().filter(b -> b.family() != null).map(Board::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boardsWithAFamily")
    void helloWorldLinksAtTheBootloaderOffsetWithTheFamilysUartAndTheCycleCounterInsideTheRealMemory(String id) throws Exception {
        Board board = BOARDS.byId(id);
        Device device = board.device();

        DeviceFirmware built = new FirmwareBuilder(LAYOUT.firmware()).buildForDevice(HELLO_WORLD, board, work);

        Firmware firmware = built.firmware();
        assertThat(firmware.flashLimit()).isEqualTo(device.flashBytes());
        assertThat(firmware.ramLimit()).isEqualTo(device.ramBytes());
        assertThat(firmware.flashBytes()).isPositive().isLessThan(device.flashBytes());
        assertThat(firmware.ramBytes()).isPositive().isLessThan(device.ramBytes());
        assertThat(symbolAddress(firmware.elf(), "tinyml_vectors")).as("vector table").isEqualTo(device.flashOrigin());
        String map = Files.readString(firmware.elf().resolveSibling("firmware.map"), StandardCharsets.UTF_8);
        assertThat(map).contains("family/" + board.family().yamlName() + "/uart.o").contains("cycles_dwt.o")
                .doesNotContain("uart_cmsdk.o");

        assertThat(built.images()).extracting(p -> p.getFileName().toString())
                .containsExactlyElementsOf(device.images().stream().map(f -> id + f.extension()).toList());
        assertThat(built.flashCommand()).isEqualTo(device.flashCommand());
        for (Path image : built.images()) {
            assertStartsWithTheVectorTable(image, board);
        }
    }

    @Test
    void aNewBoardOfAKnownFamilyIsOneYamlFile() throws IOException {
        Path boards = Files.createDirectories(work.resolve("boards"));
        String wio = Files.readString(LAYOUT.boards().resolve("wio_terminal.yaml"), StandardCharsets.UTF_8);
        Files.writeString(boards.resolve("my_samd51_board.yaml"), wio.replace("id: wio_terminal", "id: my_samd51_board")
                .replace("console: {uart: sercom2, base: 0x41012000, tx: PB26, rx: PB27",
                        "console: {uart: sercom4, base: 0x43000000, tx: PB12, rx: PB13"));
        Board board = new BoardCatalog(boards).byId("my_samd51_board");

        DeviceFirmware built = new FirmwareBuilder(LAYOUT.firmware()).buildForDevice(HELLO_WORLD, board, work.resolve("build"));

        assertThat(symbolAddress(built.firmware().elf(), "tinyml_vectors")).isEqualTo(0x4000);
        assertThat(built.images()).extracting(p -> p.getFileName().toString())
                .containsExactly("my_samd51_board.uf2", "my_samd51_board.bin");
    }

    @Test
    void theSpresenseElfRunsFromItsRamAndNamesTheStackNuttxsMkspkPutsInTheSpkHeader() throws Exception {
        Board spresense = BOARDS.byId("sony_spresense");
        Device device = spresense.device();

        DeviceFirmware built = new FirmwareBuilder(LAYOUT.firmware()).buildForDevice(HELLO_WORLD, spresense, work);

        Path elf = built.images().get(0);
        assertThat(elf.getFileName()).hasToString("sony_spresense.elf");
        assertThat(Files.readAllBytes(elf)).isEqualTo(Files.readAllBytes(built.firmware().elf()));
        long ramEnd = device.ramOrigin() + device.ramBytes();
        assertThat(symbolAddress(elf, "__stack")).as("__stack").isEqualTo(symbolAddress(elf, "__stack_top"))
                .isBetween(device.ramOrigin() + 1, ramEnd);
        assertThat(ramEnd).as("the 1.5 MiB of application SRAM from 0x0d000000").isEqualTo(0x0D00_0000L + 1_572_864);
        assertThat(built.flashCommand()).contains("mkspk -c 2 sony_spresense.elf").contains("sony_spresense.spk");
    }

    @Test
    void aBoardWithoutAFamilyIsRefusedWithTheReason() {
        Board an547 = BOARDS.byId("arm_mps3_an547");
        assertThatThrownBy(() -> new FirmwareBuilder(LAYOUT.firmware()).buildForDevice(HELLO_WORLD, an547, work))
                .isInstanceOf(FirmwareBuildException.class)
                .hasMessageContaining("arm_mps3_an547 has no MCU family with a firmware driver");
    }

    /** The image's first bytes at the flash origin are the vector table: initial SP inside RAM, reset handler in flash. */
    private static void assertStartsWithTheVectorTable(Path image, Board board) throws IOException {
        Device device = board.device();
        byte[] bytes = Files.readAllBytes(image);
        String name = image.getFileName().toString();
        long address;
        ByteBuffer vectors;
        if (name.endsWith(".uf2")) {
            ByteBuffer block = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(block.getInt(28) & 0xFFFF_FFFFL).as("family id").isEqualTo(board.family().uf2FamilyId().orElseThrow());
            address = block.getInt(12) & 0xFFFF_FFFFL;
            vectors = ByteBuffer.wrap(bytes, 32, 8).slice().order(ByteOrder.LITTLE_ENDIAN);
        } else if (name.endsWith(".elf")) {
            ByteBuffer elf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int header = elf.getInt(28); // e_phoff: the first loaded segment (p_type 1) holds the vector table
            while (elf.getInt(header) != 1) {
                header += elf.getShort(42); // e_phentsize
            }
            address = elf.getInt(header + 12) & 0xFFFF_FFFFL; // p_paddr
            vectors = ByteBuffer.wrap(bytes, elf.getInt(header + 4), 8).slice().order(ByteOrder.LITTLE_ENDIAN); // p_offset
        } else if (name.endsWith(".hex")) {
            String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\n");
            long upper = Long.parseLong(lines[0].substring(9, 13), 16);
            address = (upper << 16) | Long.parseLong(lines[1].substring(3, 7), 16);
            vectors = ByteBuffer.wrap(HexFormat.of().parseHex(lines[1].substring(9, 25))).order(ByteOrder.LITTLE_ENDIAN);
        } else {
            address = device.flashOrigin();
            vectors = ByteBuffer.wrap(bytes, 0, 8).slice().order(ByteOrder.LITTLE_ENDIAN);
        }
        assertThat(address).as("%s starts at the flash origin", name).isEqualTo(device.flashOrigin());
        long stack = vectors.getInt(0) & 0xFFFF_FFFFL;
        long reset = vectors.getInt(4) & 0xFFFF_FFFFL;
        assertThat(stack).as("initial stack pointer").isBetween(device.ramOrigin() + 1, device.ramOrigin() + device.ramBytes());
        assertThat(reset & 1).as("Thumb bit of the reset vector").isEqualTo(1);
        assertThat(reset).as("reset handler").isBetween(device.flashOrigin(), device.flashOrigin() + device.flashBytes());
    }

    private static long symbolAddress(Path elf, String symbol) {
        try {
            Process nm = new ProcessBuilder("arm-none-eabi-nm", elf.toString()).redirectErrorStream(true).start();
            String out = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(nm.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return out.lines().filter(l -> l.endsWith(" " + symbol)).map(l -> Long.parseLong(l.split(" ")[0], 16))
                    .findFirst().orElseThrow(() -> new AssertionError(symbol + " not in " + elf));
        } catch (IOException e) {
            throw new AssertionError("cannot run arm-none-eabi-nm: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
