package io.omnihub.benchmarks.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The load averages of the machine (Linux), written beside every figure. */
final class Load {

    private Load() {
    }

    /** The 1, 5 and 15 minute load averages, or "unknown". */
    static String average() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
