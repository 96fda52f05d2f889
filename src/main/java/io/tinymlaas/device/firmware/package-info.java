/**
 * Building Cortex-M firmware for a board: the C runtime, the generated model and the kernels for its core, linked with
 * the board's real memory sizes; a model that does not fit is refused naming the memory and the bytes.
 */
package io.tinymlaas.device.firmware;
