package io.tinymlaas.app;

/**
 * A live change in the fleet: {@link #DEVICE} (a {@link FleetDevice} whose status or trust changed) or {@link #ALERT} (a
 * {@link io.tinymlaas.store.FleetAlert} just raised).
 */
public record FleetEvent(String event, Object data) {

    public static final String DEVICE = "device";
    public static final String ALERT = "alert";
    /** Not sent by the fleet itself: the event stream sends a {@link FleetSummary} under this name now and then. */
    public static final String SUMMARY = "summary";
}
