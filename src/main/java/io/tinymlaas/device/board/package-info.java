/**
 * The board catalog: one YAML descriptor per supported board under {@code boards/} (core, clock, memories, UART,
 * emulator proxies), validated when read.
 */
package io.tinymlaas.device.board;
