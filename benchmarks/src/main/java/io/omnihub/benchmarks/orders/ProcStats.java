package io.omnihub.benchmarks.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process (Linux {@code /proc}): -1 where /proc is not there. */
final class ProcStats {

    private static final double MILLIS_PER_TICK = 10;

    private ProcStats() {
    }

    /** User + system CPU so far, in milliseconds. */
    static double cpuMillis(long pid) {
        try {
            return cpuMillisOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static double cpuMillisOf(String stat) {
        // the command name (field 2) may hold spaces: count the fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
    }

    /** The resident set now ({@code VmRSS}) in KiB. */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
