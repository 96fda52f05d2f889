/**
 * Training with TensorFlow Java: dense, convolutional and LSTM networks, seeded and reproducible, with their
 * configurations and the float models they produce.
 */
package io.tinymlaas.train;
