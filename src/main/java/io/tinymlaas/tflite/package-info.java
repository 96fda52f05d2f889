/**
 * The TensorFlow Lite flatbuffer format: reading and writing {@code .tflite} files into a plain model of tensors,
 * operators and quantization parameters; {@link io.tinymlaas.tflite.Operators} registers each builtin operator we know
 * (options table, optional and state inputs, multiply-accumulate count).
 */
package io.tinymlaas.tflite;
