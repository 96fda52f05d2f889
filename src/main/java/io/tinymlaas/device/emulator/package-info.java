/**
 * Emulators that boot a board's firmware and expose its UART: QEMU (the default, on a same-core machine) and Renode
 * (where installed), with the reasons one is not available.
 */
package io.tinymlaas.device.emulator;
