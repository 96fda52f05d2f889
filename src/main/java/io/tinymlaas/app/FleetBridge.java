package io.tinymlaas.app;

import io.tinymlaas.store.BridgeAccount;

/** A bridge and the broker its devices report to. */
public record FleetBridge(BridgeAccount bridge, String brokerUrl) {
}
