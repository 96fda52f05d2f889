package io.tinymlaas.store;

import java.time.Instant;

/**
 * Something about a device an operator should see: it went offline, runs a model it was not assigned, or failed. Open
 * until what raised it is over (clearedAt set).
 */
public record FleetAlert(long id, long deviceId, String deviceName, String kind, String message, Instant raisedAt,
                         Instant clearedAt) {

    public static final String OFFLINE = "offline";
    public static final String UNTRUSTED = "untrusted";
    public static final String FAILED = "failed";
}
