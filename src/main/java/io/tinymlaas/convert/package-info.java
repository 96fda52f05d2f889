/**
 * The converter: a trained float network becomes an int8 {@code .tflite} file (quantization, cross-layer equalization,
 * the choice between candidates by simulated integer error).
 */
package io.tinymlaas.convert;
