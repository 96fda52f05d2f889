package io.tinymlaas.app;

/** The image an emulated device's flash holds, for its bridge to boot. */
public record FirmwareImage(long deviceId, String board, String modelId, String modelHash, String sha256, int inputBytes,
                            byte[] elf) {
}
