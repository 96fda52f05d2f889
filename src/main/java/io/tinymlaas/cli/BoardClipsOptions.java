package io.tinymlaas.cli;

import picocli.CommandLine.Option;

/** Where and on how many held-out clips the micro_speech board commands (frontend, keyword) run. */
final class BoardClipsOptions {

    @Option(names = "--board", required = true, description = "a board id from `tinyml boards`, e.g. arduino_nano_33_ble_sense")
    String board;

    @Option(names = "--clips", description = "how many held-out clips (default: the profile's, 16 fast and 100 full)")
    Integer clips;
}
