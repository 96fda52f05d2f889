package io.tinymlaas.device.cycles;

import io.tinymlaas.core.Executables;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The QEMU plugin that profiles an inference (firmware/tools/qemu_insn_classes/insn_profile.c), compiled for the host
 * with gcc on first use and kept in the user's cache under the hash of its source, so an edit rebuilds it.
 */
public final class ProfilerPlugin {

    /** The function whose every call is one profiled window: the model's inference in every firmware here. */
    public static final String ENTRY_SYMBOL = "tinyml_model_invoke";
    static final String SOURCE = "tools/qemu_insn_classes/insn_profile.c";
    private static final String HOST_COMPILER = "gcc";
    private static final String SYMBOLS = "arm-none-eabi-nm";
    private static final long TIMEOUT_SECONDS = 60;

    private final Path library;

    private ProfilerPlugin(Path library) {
        this.library = library;
    }

    /** The plugin built from the firmware tree, or empty where no host gcc is installed (no estimate then). */
    public static Optional<ProfilerPlugin> build(Path firmwareRoot, Path cacheDirectory) {
        if (Executables.find(HOST_COMPILER).isEmpty()) {
            return Optional.empty();
        }
        Path source = firmwareRoot.resolve(SOURCE);
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(source)));
            Path library = cacheDirectory.resolve("insn_profile-" + hash.substring(0, 16) + ".so");
            if (!Files.isRegularFile(library)) {
                Files.createDirectories(cacheDirectory);
                Path partial = Files.createTempFile(cacheDirectory, "insn_profile", ".so.part");
                run(List.of(HOST_COMPILER, "-O2", "-shared", "-fPIC", "-fvisibility=hidden", "-o", partial.toString(),
                        source.toString()), "compiling the QEMU profiling plugin " + source);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.of(new ProfilerPlugin(library));
        } catch (IOException e) {
            throw new TinymlException("cannot build the QEMU profiling plugin from " + source + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user's cache for the plugin: ~/.cache/tinymlaas/qemu-plugins. */
    public static Path defaultCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "tinymlaas", "qemu-plugins");
    }

    /** QEMU's {@code -plugin} value that profiles every call of {@link #ENTRY_SYMBOL} in {@code elf} into {@code output}. */
    public String qemuArgument(Path elf, Path output) {
        return library + ",entry=0x" + Long.toHexString(entryAddress(elf)) + ",out=" + output.toAbsolutePath();
    }

    static long entryAddress(Path elf) {
        String symbols = run(List.of(SYMBOLS, elf.toString()), "listing the symbols of " + elf);
        Matcher m = Pattern.compile("^(\\p{XDigit}+) T " + ENTRY_SYMBOL + "$", Pattern.MULTILINE).matcher(symbols);
        if (!m.find()) {
            throw new TinymlException(elf + " has no function " + ENTRY_SYMBOL + " to profile");
        }
        return Long.parseLong(m.group(1), 16);
    }

    private static String run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new TinymlException(what + " failed: " + new String(output, StandardCharsets.UTF_8).strip());
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TinymlException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TinymlException("interrupted while " + what, e);
        }
    }
}
