/**
 * The seed examples (hello_world, magic_wand, micro_speech, mnist_lstm, person_detection): where their data comes from,
 * how each is trained and converted (its recipe), and the quality goals it is judged by.
 */
package io.tinymlaas.examples;
