/**
 * Networks with the shapes of published benchmark models (MLPerf Tiny's four, TFLM's person_detect) and seeded random
 * int8 weights: instruction counts depend on shapes, hardly on values, so these measure the engine against the figures
 * others published for the same shapes without shipping anyone's trained weights.
 */
package io.tinymlaas.benchmark;
