/**
 * The TensorFlow Lite flatbuffer format: reading and writing {@code .tflite} files into a plain model of tensors,
 * operators and quantization parameters, and each operator's multiply-accumulate count.
 */
package io.tinymlaas.tflite;
