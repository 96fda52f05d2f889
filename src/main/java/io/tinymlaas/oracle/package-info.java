/**
 * The independent reference: TensorFlow Lite's 2.6 interpreter (a Maven artifact with its native library) and the
 * comparison of our outputs with its outputs, in int8 steps.
 */
package io.tinymlaas.oracle;
