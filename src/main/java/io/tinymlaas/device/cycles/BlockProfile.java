package io.tinymlaas.device.cycles;

import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One translation block as the profiling plugin (firmware/tools/qemu_insn_classes) reported it for one inference:
 * its code, how often it ran, and how often the block after it was not the fall-through (its last branch was taken).
 */
public record BlockProfile(long address, byte[] code, long executions, long taken) {

    /** The plugin's file: one list of blocks per inference window, in the order the inferences ran. */
    public static List<List<BlockProfile>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new TinymlException("cannot read the instruction profile " + file + ": " + e.getMessage(), e);
        }
        Map<String, Long> addresses = new HashMap<>();
        Map<String, byte[]> codes = new HashMap<>();
        List<List<BlockProfile>> windows = new ArrayList<>();
        List<BlockProfile> window = null;
        for (String line : lines) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "W" -> window = new ArrayList<>();
                case "C" -> {
                    addresses.put(f[1], Long.parseLong(f[2], 16));
                    codes.put(f[1], HexFormat.of().parseHex(f[3]));
                }
                case "T" -> {
                    if (window == null || !codes.containsKey(f[1])) {
                        throw new TinymlException("instruction profile " + file + " is malformed at: " + line);
                    }
                    window.add(new BlockProfile(addresses.get(f[1]), codes.get(f[1]), Long.parseLong(f[2]),
                            Long.parseLong(f[3])));
                }
                case "E" -> {
                    if (window != null) {
                        windows.add(List.copyOf(window));
                    }
                    window = null;
                }
                default -> throw new TinymlException("instruction profile " + file + " is malformed at: " + line);
            }
        }
        return windows;
    }
}
