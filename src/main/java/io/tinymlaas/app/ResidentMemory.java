package io.tinymlaas.app;

import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This JVM's resident memory (VmRSS), as Linux reports it in /proc/self/status. */
final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {
    }

    static long bytesNow() {
        try {
            return bytesIn(Files.readString(STATUS));
        } catch (IOException e) {
            throw new TinymlException("cannot read " + STATUS + " (resident memory is read from Linux's /proc): "
                    + IoFailure.reason(e), e);
        }
    }

    /** Another process's resident memory; 0 once it has ended. */
    static long bytesOf(long pid) {
        try {
            return bytesIn(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
        } catch (IOException e) {
            return 0;
        }
    }

    /** The VmRSS line of a /proc/PID/status text ("VmRSS:     123456 kB"), in bytes; the kernel always counts it in kB. */
    static long bytesIn(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB") && parts[0].chars().allMatch(Character::isDigit)) {
                    return Long.parseLong(parts[0]) * 1024;
                }
                throw new TinymlException("cannot read the resident memory from '" + line + "'; expected 'VmRSS: <n> kB'");
            }
        }
        throw new TinymlException("no VmRSS line in the process status; is this Linux?");
    }
}
