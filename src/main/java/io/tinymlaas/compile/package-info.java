/**
 * Our ahead-of-time compiler: a {@code .tflite} model becomes C source with a static memory plan (arena, constants),
 * ready for any target's runtime; each operator is lowered by {@link io.tinymlaas.compile.ops}, and the C sources a
 * firmware hosts are a {@link io.tinymlaas.compile.FirmwareModel}.
 */
package io.tinymlaas.compile;
