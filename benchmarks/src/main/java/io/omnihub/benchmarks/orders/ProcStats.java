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

    /**
     * User + system CPU so far of the process's JIT compiler threads ({@code C1/C2 CompilerThread…}), in
     * milliseconds: how much of a process's CPU went to compiling rather than to the work measured. A compiler thread
     * that exited (HotSpot retires idle extra ones) takes its time with it, so this is a lower bound.
     */
    static double compilerCpuMillis(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            double millis = 0;
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    if (isCompilerThread(stat)) {
                        millis += cpuMillisOf(stat);
                    }
                } catch (IOException e) {
                    // the thread ended while listed
                }
            }
            return millis;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether a thread's {@code stat} line is a HotSpot JIT compiler thread's (its name, cut to 15 characters). */
    static boolean isCompilerThread(String stat) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return name.matches("C[12] CompilerThre.*");
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
