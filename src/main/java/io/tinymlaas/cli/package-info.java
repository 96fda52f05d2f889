/**
 * The {@code tinyml} command line (picocli): each command parses its options, calls the engine and prints; errors the
 * user can act on are one line and exit code 2.
 */
package io.tinymlaas.cli;
