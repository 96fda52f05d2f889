/**
 * The lifecycle as one run: collect, train, convert, compile, run on a target and compare with the interpreter, stage
 * by stage (a dry-run); also a user's own .tflite on a target, keyword spotting on a board, and the flakiness check.
 */
package io.tinymlaas.lifecycle;
