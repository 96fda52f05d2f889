package io.tinymlaas.device.firmware;

/** Section sizes of a built program as `size` reports them (Berkeley format), in bytes. */
public record ProgramSize(long text, long data, long bss) {

    /** What the program takes of the board's flash: code and constants, plus the initial values of data. */
    public long flashBytes() {
        return text + data;
    }

    /** What it takes of the board's RAM: initialised and zeroed data, the stack included (it is in bss). */
    public long ramBytes() {
        return data + bss;
    }

    /** Parses the second line of `size` output: text data bss dec hex filename. */
    public static ProgramSize parse(String sizeOutput) {
        String[] lines = sizeOutput.strip().split("\n");
        String[] fields = lines[lines.length - 1].trim().split("\\s+");
        return new ProgramSize(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]));
    }
}
