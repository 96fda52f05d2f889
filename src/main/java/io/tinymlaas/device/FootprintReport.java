package io.tinymlaas.device;

/**
 * A model's footprint on one board. When it does not fit, the linker stopped, so only the memory that
 * overflowed and by how much are known; the other figures are then -1.
 */
public record FootprintReport(String board, long flashBytes, long flashLimit, long ramBytes, long ramLimit,
                              String overflowMemory, long overflowBytes) {

    public boolean fits() {
        return overflowMemory == null;
    }

    public String verdict() {
        return fits()
                ? String.format("fits (%d B flash and %d B RAM to spare)", flashLimit - flashBytes, ramLimit - ramBytes)
                : "does not fit: " + overflowBytes + " bytes too many for " + overflowMemory;
    }
}
