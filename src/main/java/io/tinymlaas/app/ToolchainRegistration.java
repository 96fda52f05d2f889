package io.tinymlaas.app;

/**
 * A toolchain an operator registers; it is health-checked at once.
 *
 * @param kind    aot, arm-gcc, x86-container or gcc
 * @param command the program (name or path) or, for x86-container, the image
 */
public record ToolchainRegistration(String name, String kind, String command) {
}
