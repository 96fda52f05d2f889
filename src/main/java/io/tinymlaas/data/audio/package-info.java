/**
 * Audio for keyword spotting: speech synthesis, noise, WAV files, Speech Commands, and the Java twin of the C audio
 * front end that turns one-second clips into int8 spectrograms.
 */
package io.tinymlaas.data.audio;
