package io.tinymlaas.telemetry;

/** The image a device's flash holds, as a bridge boots it: the board it is built for and the model it should run. */
public record Firmware(long deviceId, String board, byte[] elf, String sha256, String modelHash, int inputBytes) {
}
