package io.tinymlaas.device.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The boards this project knows, read from one YAML descriptor per board ({@code boards/<id>.yaml}). Adding a
 * board means adding a file, not code.
 *
 * <p>Every file is read and validated when the catalog is built, so a bad descriptor fails at once with a
 * {@link BoardDescriptorException} that names the file and the field. The catalog is immutable afterwards.
 */
public final class BoardCatalog {

    /** Descriptor files are {@code <id>.yaml}; other files in the directory are ignored. */
    public static final String DESCRIPTOR_SUFFIX = ".yaml";

    private static final List<String> REQUIRED_FIELDS = List.of(
            "id", "name", "mcu", "core", "fpu", "clock_mhz", "flash_bytes", "ram_bytes", "console_uart",
            "renode", "qemu", "toolchain", "emulation", "sources");
    private static final List<String> OPTIONAL_FIELDS = List.of("unsupported_reason", "notes", "economics", "flash_timing",
            "family", "device");
    private static final List<String> TEXT_FIELDS = List.of(
            "id", "name", "mcu", "core", "fpu", "console_uart", "toolchain", "emulation");
    private static final Set<String> RENODE_FIELDS = Set.of("platform", "uart", "cpu", "setup");
    private static final Set<String> QEMU_FIELDS = Set.of("machine", "cpu");
    private static final Set<String> ECONOMICS_FIELDS = Set.of("active_mw", "sleep_uw", "unit_price_usd");
    private static final Set<String> FLASH_TIMING_FIELDS = Set.of("wait_states", "cache", "source");
    private static final Set<String> DEVICE_FIELDS = Set.of(
            "flash_origin", "flash_bytes", "ram_origin", "ram_bytes", "console", "images", "flash_command");
    private static final Set<String> CONSOLE_FIELDS = Set.of("uart", "base", "tx", "rx", "pin_function", "rx_pad");
    private static final Set<String> CONSOLE_OPTIONAL_FIELDS = Set.of("pin_function", "rx_pad");

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");
    private static final Pattern CORE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private final Path directory;
    private final Map<String, Board> boardsById;
    private final List<Board> all;
    private final List<Board> emulatable;

    /**
     * Reads and validates every {@code *.yaml} descriptor in {@code directory}.
     *
     * @throws BoardDescriptorException when a descriptor is unreadable or invalid
     * @throws TinymlException          when the directory does not exist
     */
    public BoardCatalog(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.directory)) {
            throw new TinymlException("board descriptor directory " + this.directory + " does not exist");
        }
        Map<String, Board> boards = new TreeMap<>();
        for (Path file : descriptorFiles(this.directory)) {
            Board board = load(file);
            boards.put(board.id(), board);
        }
        this.boardsById = Collections.unmodifiableMap(boards);
        this.all = List.copyOf(boards.values());
        this.emulatable = all.stream().filter(Board::emulatable).toList();
    }

    /** The catalog of the project the JVM runs in ({@code boards/} of {@link ProjectLayout#find()}). */
    public static BoardCatalog fromProject() {
        return new BoardCatalog(ProjectLayout.find().boards());
    }

    /** The directory the descriptors were read from. */
    public Path directory() {
        return directory;
    }

    /** Every board, sorted by id. */
    public List<Board> all() {
        return all;
    }

    /** The known ids, sorted. */
    public List<String> ids() {
        return List.copyOf(boardsById.keySet());
    }

    /**
     * The board with this id.
     *
     * @throws UnknownBoardException when no descriptor has that id; its message lists the known ids
     */
    public Board byId(String id) {
        Board board = id == null ? null : boardsById.get(id);
        if (board == null) {
            throw new UnknownBoardException(id, boardsById.keySet());
        }
        return board;
    }

    /** The boards an emulator installed here can run, sorted by id. */
    public List<Board> emulatable() {
        return emulatable;
    }

    private static List<Path> descriptorFiles(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries
                    .filter(p -> p.getFileName().toString().endsWith(DESCRIPTOR_SUFFIX))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list board descriptors in " + directory, e);
        }
    }

    /** Reads, validates and binds one descriptor file. */
    static Board load(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new BoardDescriptorException(file, null, "is not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BoardDescriptorException(file, null, "cannot be read: " + e, e);
        }
        validate(file, root);
        try {
            return MAPPER.treeToValue(root, Board.class);
        } catch (JsonMappingException e) {
            throw new BoardDescriptorException(file, yamlPath(e), e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new BoardDescriptorException(file, null, e.getOriginalMessage(), e);
        }
    }

    // ---- validation on the YAML tree, so that every message can name the file and the YAML key ----

    private static void validate(Path file, JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new BoardDescriptorException(file, null, "is empty");
        }
        if (!root.isObject()) {
            throw new BoardDescriptorException(file, null,
                    "must be a YAML mapping of fields, found " + describe(root));
        }
        for (String field : fieldNames(root)) {
            if (!REQUIRED_FIELDS.contains(field) && !OPTIONAL_FIELDS.contains(field)) {
                throw new BoardDescriptorException(file, field,
                        "unknown field; the fields are " + String.join(", ", REQUIRED_FIELDS) + " (required) and "
                                + String.join(", ", OPTIONAL_FIELDS) + " (optional)");
            }
        }
        for (String field : REQUIRED_FIELDS) {
            if (!root.has(field)) {
                throw new BoardDescriptorException(file, field, "required field is missing");
            }
            if (root.get(field).isNull()) {
                throw new BoardDescriptorException(file, field, "required field is null");
            }
        }
        for (String field : TEXT_FIELDS) {
            requireText(file, field, root.get(field));
        }

        String id = root.get("id").textValue();
        String fileName = file.getFileName().toString();
        String expectedId = fileName.substring(0, fileName.length() - DESCRIPTOR_SUFFIX.length());
        if (!id.equals(expectedId)) {
            throw new BoardDescriptorException(file, "id",
                    "is '" + id + "' but must equal the file name without " + DESCRIPTOR_SUFFIX + " ('" + expectedId + "')");
        }
        if (!ID.matcher(id).matches()) {
            throw new BoardDescriptorException(file, "id",
                    "'" + id + "' must be lower-case letters and digits separated by single '_'");
        }
        String core = root.get("core").textValue();
        if (!CORE.matcher(core).matches()) {
            throw new BoardDescriptorException(file, "core",
                    "'" + core + "' must be a lower-case core name such as cortex-m4, xtensa-lx6 or arc-em9d");
        }

        requirePositive(file, "clock_mhz", root.get("clock_mhz"), Integer.MAX_VALUE);
        requirePositive(file, "flash_bytes", root.get("flash_bytes"), Long.MAX_VALUE);
        requirePositive(file, "ram_bytes", root.get("ram_bytes"), Long.MAX_VALUE);

        JsonNode renode = requireMapping(file, "renode", root.get("renode"), RENODE_FIELDS);
        String renodePlatform = optionalText(file, "renode.platform", renode.get("platform"));
        String renodeUart = optionalText(file, "renode.uart", renode.get("uart"));
        optionalText(file, "renode.cpu", renode.get("cpu"));
        if (present(renode.get("setup"))) {
            requireTextList(file, "renode.setup", renode.get("setup"), false);
        }
        if ((renodePlatform == null) != (renodeUart == null)) {
            throw new BoardDescriptorException(file, renodePlatform == null ? "renode.platform" : "renode.uart",
                    "renode.platform and renode.uart go together: give both, or null for both when Renode has no platform");
        }

        JsonNode qemu = requireMapping(file, "qemu", root.get("qemu"), QEMU_FIELDS);
        String qemuMachine = optionalText(file, "qemu.machine", qemu.get("machine"));
        String qemuCpu = optionalText(file, "qemu.cpu", qemu.get("cpu"));
        if ((qemuMachine == null) != (qemuCpu == null)) {
            throw new BoardDescriptorException(file, qemuMachine == null ? "qemu.machine" : "qemu.cpu",
                    "qemu.machine and qemu.cpu go together: give both, or null for both when no QEMU machine fits");
        }

        String emulationName = root.get("emulation").textValue();
        Board.Emulation emulation = Arrays.stream(Board.Emulation.values())
                .filter(e -> e.yamlName().equals(emulationName))
                .findFirst()
                .orElseThrow(() -> new BoardDescriptorException(file, "emulation",
                        "'" + emulationName + "' is not one of " + Arrays.stream(Board.Emulation.values())
                                .map(Board.Emulation::yamlName).collect(Collectors.joining(", "))));
        String reason = optionalText(file, "unsupported_reason", root.get("unsupported_reason"));
        if (emulation == Board.Emulation.NONE && reason == null) {
            throw new BoardDescriptorException(file, "unsupported_reason",
                    "is required when emulation is none: say why no emulator here runs this board");
        }
        if (emulation != Board.Emulation.NONE && reason != null) {
            throw new BoardDescriptorException(file, "unsupported_reason",
                    "must be null when emulation is " + emulation.yamlName());
        }
        if (emulation == Board.Emulation.QEMU && qemuMachine == null) {
            throw new BoardDescriptorException(file, "qemu.machine", "is required when emulation is qemu");
        }

        requireTextList(file, "sources", root.get("sources"), true);
        JsonNode economics = root.get("economics");
        if (economics != null && !economics.isNull()) {
            requireMapping(file, "economics", economics, ECONOMICS_FIELDS);
            for (String field : ECONOMICS_FIELDS.stream().sorted().toList()) {
                JsonNode value = economics.get(field);
                if (value == null || !value.isNumber() || value.doubleValue() <= 0) {
                    throw new BoardDescriptorException(file, "economics." + field, value == null ? "required field is missing"
                            : "must be a positive number, found " + describe(value));
                }
            }
        }
        JsonNode flash = root.get("flash_timing");
        if (flash != null && !flash.isNull()) {
            requireMapping(file, "flash_timing", flash, FLASH_TIMING_FIELDS);
            JsonNode waits = flash.get("wait_states");
            if (waits == null || !waits.isIntegralNumber() || waits.intValue() < 0) {
                throw new BoardDescriptorException(file, "flash_timing.wait_states", waits == null ? "required field is missing"
                        : "must be a whole number of at least 0, found " + describe(waits));
            }
            JsonNode cache = flash.get("cache");
            if (cache == null || !cache.isBoolean()) {
                throw new BoardDescriptorException(file, "flash_timing.cache", cache == null ? "required field is missing"
                        : "must be true or false, found " + describe(cache));
            }
            requireText(file, "flash_timing.source", flash.has("source") ? flash.get("source") : com.fasterxml.jackson.databind.node.NullNode.getInstance());
        }
        JsonNode notes = root.get("notes");
        if (notes != null && !notes.isNull()) {
            requireTextList(file, "notes", notes, false);
        }
        validateDevice(file, root);
    }

    /** The real board's firmware layout: {@code family} and {@code device} come together, and fit the board. */
    private static void validateDevice(Path file, JsonNode root) {
        boolean hasFamily = present(root.get("family"));
        if (hasFamily != present(root.get("device"))) {
            throw new BoardDescriptorException(file, hasFamily ? "device" : "family",
                    "family and device go together: give both to build firmware for the real board, or neither");
        }
        if (!hasFamily) {
            return;
        }
        String familyName = requireText(file, "family", root.get("family"));
        McuFamily family = McuFamily.byYamlName(familyName).orElseThrow(() -> new BoardDescriptorException(file, "family",
                "'" + familyName + "' is not one of " + Arrays.stream(McuFamily.values()).map(McuFamily::yamlName)
                        .collect(Collectors.joining(", ")) + " (the folders under firmware/targets/cortex_m/family)"));
        JsonNode device = requireMapping(file, "device", root.get("device"), DEVICE_FIELDS);
        requireAll(file, "device", device, DEVICE_FIELDS, Set.of());
        requireWhole(file, "device.flash_origin", device.get("flash_origin"), 0, 0xFFFF_FFFFL);
        requireWhole(file, "device.ram_origin", device.get("ram_origin"), 0, 0xFFFF_FFFFL);
        requireWhole(file, "device.flash_bytes", device.get("flash_bytes"), 1, root.get("flash_bytes").longValue());
        requireWhole(file, "device.ram_bytes", device.get("ram_bytes"), 1, root.get("ram_bytes").longValue());
        requireText(file, "device.flash_command", device.get("flash_command"));

        JsonNode console = requireMapping(file, "device.console", device.get("console"), CONSOLE_FIELDS);
        requireAll(file, "device.console", console, CONSOLE_FIELDS, CONSOLE_OPTIONAL_FIELDS);
        requireText(file, "device.console.uart", console.get("uart"));
        requireWhole(file, "device.console.base", console.get("base"), 1, 0xFFFF_FFFFL);
        for (String pin : List.of("tx", "rx")) {
            String name = requireText(file, "device.console." + pin, console.get(pin));
            if (!Device.Console.isPinName(name)) {
                throw new BoardDescriptorException(file, "device.console." + pin,
                        "'" + name + "' is not a pin name such as P1.03 (nRF), PA9 (STM32, SAMD51), PAD48 (Apollo3) or"
                                + " PIN17 (CXD5602)");
            }
        }
        for (String field : CONSOLE_OPTIONAL_FIELDS) {
            if (present(console.get(field))) {
                requireWhole(file, "device.console." + field, console.get(field), 0, 15);
            }
        }

        JsonNode images = device.get("images");
        requireTextList(file, "device.images", images, true);
        for (int i = 0; i < images.size(); i++) {
            String format = images.get(i).textValue();
            if (Arrays.stream(Device.ImageFormat.values()).noneMatch(f -> f.yamlName().equals(format))) {
                throw new BoardDescriptorException(file, "device.images[" + i + "]", "'" + format + "' is not one of "
                        + Arrays.stream(Device.ImageFormat.values()).map(Device.ImageFormat::yamlName).collect(Collectors.joining(", ")));
            }
            if (format.equals(Device.ImageFormat.UF2.yamlName()) && family.uf2FamilyId().isEmpty()) {
                throw new BoardDescriptorException(file, "device.images[" + i + "]",
                        "uf2 needs a UF2 family id, and " + family.yamlName() + " has none");
            }
        }
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static void requireAll(Path file, String prefix, JsonNode mapping, Set<String> fields, Set<String> optional) {
        for (String field : fields.stream().sorted().toList()) {
            if (!optional.contains(field) && !present(mapping.get(field))) {
                throw new BoardDescriptorException(file, prefix + "." + field, "required field is missing");
            }
        }
    }

    private static String requireText(Path file, String field, JsonNode node) {
        if (!node.isTextual()) {
            throw new BoardDescriptorException(file, field, "must be text, found " + describe(node));
        }
        if (node.textValue().isBlank()) {
            throw new BoardDescriptorException(file, field, "must not be blank");
        }
        return node.textValue();
    }

    private static String optionalText(Path file, String field, JsonNode node) {
        return node == null || node.isNull() ? null : requireText(file, field, node);
    }

    private static void requirePositive(Path file, String field, JsonNode node, long max) {
        requireWhole(file, field, node, 1, max);
    }

    private static void requireWhole(Path file, String field, JsonNode node, long min, long max) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new BoardDescriptorException(file, field, "must be a whole number, found " + describe(node));
        }
        long value = node.longValue();
        if (value < min) {
            throw new BoardDescriptorException(file, field, (min == 1 ? "must be positive" : "must be at least " + min)
                    + ", found " + value);
        }
        if (value > max) {
            throw new BoardDescriptorException(file, field, "must be at most " + max + ", found " + value);
        }
    }

    private static JsonNode requireMapping(Path file, String field, JsonNode node, Set<String> allowed) {
        if (!node.isObject()) {
            throw new BoardDescriptorException(file, field,
                    "must be a mapping with " + String.join(" and ", allowed.stream().sorted().toList())
                            + ", found " + describe(node));
        }
        for (String key : fieldNames(node)) {
            if (!allowed.contains(key)) {
                throw new BoardDescriptorException(file, field + "." + key,
                        "unknown field; " + field + " has only " + String.join(" and ", allowed.stream().sorted().toList()));
            }
        }
        return node;
    }

    private static void requireTextList(Path file, String field, JsonNode node, boolean nonEmpty) {
        if (!node.isArray()) {
            throw new BoardDescriptorException(file, field, "must be a list of text, found " + describe(node));
        }
        if (nonEmpty && node.isEmpty()) {
            throw new BoardDescriptorException(file, field, "must list at least one entry");
        }
        for (int i = 0; i < node.size(); i++) {
            requireText(file, field + "[" + i + "]", node.get(i));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String describe(JsonNode node) {
        return node.isValueNode() ? node.getNodeType().name().toLowerCase(Locale.ROOT) + " '" + node.asText() + "'"
                : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** The YAML key path (e.g. {@code qemu.machine}) of a binding error, or null when Jackson gives none. */
    private static String yamlPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}
