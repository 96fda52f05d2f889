package io.tinymlaas.app;

import java.util.List;

/** A bridge to register: its name (letters, digits, '-', '_') and the ids of the emulated devices it runs. */
public record BridgeRequest(String name, List<Long> devices) {
}
