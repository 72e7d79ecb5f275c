package io.omnihub.benchmarks.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used so far (user + system, Linux {@code /proc/<pid>/stat}): unlike throughput and
 * latency, the CPU a request costs hardly changes when other programs crowd the machine.
 */
final class CpuTime {

    private static final double MILLIS_PER_TICK = 10;

    private CpuTime() {
    }

    /** Milliseconds of CPU, or -1 where /proc is not there. */
    static double millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
