package io.tinymlaas.store;

import java.time.Instant;
import java.util.List;

/**
 * A toolchain the service compiles with, and what its last health check found.
 *
 * @param kind      {@code aot} (our compiler, model to C), {@code arm-gcc} (firmware for Cortex-M boards),
 *                  {@code x86-container} (the container's gcc for x86 runs) or {@code gcc} (a host compiler)
 * @param command   what runs it: a program name or path, or the container image
 * @param version   the version it reported; null when it could not be run
 * @param targets   what it builds for
 * @param reason    why it is not usable, with the command that installs it; null when installed
 */
public record Toolchain(long id, String name, String kind, String command, String version, List<String> targets,
                        boolean installed, String reason, Instant checkedAt) {
}
