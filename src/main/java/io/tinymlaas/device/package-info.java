/**
 * Where a compiled model runs: the x86 container and emulated boards behind one {@link io.tinymlaas.device.InferenceTarget},
 * resolved by id from the board catalog ({@link io.tinymlaas.device.Targets}), and the footprint of a model on a board.
 */
package io.tinymlaas.device;
