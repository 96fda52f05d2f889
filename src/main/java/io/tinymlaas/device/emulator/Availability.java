package io.tinymlaas.device.emulator;

/** Whether an emulator can run a board here; when it cannot, why, and how to fix it if it can be fixed. */
public record Availability(boolean available, String reason) {

    public static Availability yes() {
        return new Availability(true, "available");
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
