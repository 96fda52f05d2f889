package io.tinymlaas.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the service tells a bridge. {@link #RESTART}: boot the device again on the firmware its flash now holds, e.g. after a
 * rollout flashed a new image.
 */
public record Command(String command, long deviceId) {

    public static final String RESTART = "restart";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Command restart(long deviceId) {
        return new Command(RESTART, deviceId);
    }

    public static Command parse(byte[] payload) {
        try {
            Command command = JSON.readValue(payload, Command.class);
            if (command == null || !RESTART.equals(command.command())) {
                throw new TinymlException("unknown command: " + new String(payload, StandardCharsets.UTF_8));
            }
            return command;
        } catch (IOException e) {
            throw new TinymlException("not a command: " + e.getMessage(), e);
        }
    }

    public byte[] json() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("a command always serializes", e);
        }
    }
}
