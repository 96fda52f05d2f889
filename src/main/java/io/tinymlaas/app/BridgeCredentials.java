package io.tinymlaas.app;

/**
 * What a new bridge needs, shown once: its name is its broker user name, and its secret is both its broker password and
 * its API token (viewer role: it reads its devices' firmware).
 */
public record BridgeCredentials(FleetBridge bridge, String secret) {
}
