package io.tinymlaas.app;

/** A board as `tinyml boards` lists it: what it is and how (or why not) it is emulated here. */
public record BoardListing(String id, String core, int clockMhz, long flashBytes, long ramBytes, String emulation) {
}
