package io.omnihub.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** What Linux knows of a process: CPU time used, peak and current resident memory, command line. */
final class ProcessStats {

    /** USER_HZ: the unit of the CPU times in {@code /proc/<pid>/stat}; 100 on every Linux that matters. */
    static final long CLOCK_TICKS_PER_SECOND = 100;

    private ProcessStats() {
    }

    /** User plus system CPU time since the process started, in milliseconds; empty once it has gone. */
    static OptionalLong cpuMillis(long pid) {
        try {
            return OptionalLong.of(cpuMillisOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    /** Fields 14 and 15 (utime, stime) of a stat line; the command name in parentheses may contain spaces. */
    static long cpuMillisOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state), so utime (14) is fields[11] and stime (15) fields[12]
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /** {@code VmHWM} (peak resident set) in KiB. */
    static OptionalLong peakRssKib(long pid) {
        return statusField(pid, "VmHWM:");
    }

    static OptionalLong rssKib(long pid) {
        return statusField(pid, "VmRSS:");
    }

    static OptionalLong statusField(long pid, String name) {
        try {
            return statusFieldOf(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")), name);
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong statusFieldOf(List<String> status, String name) {
        return status.stream().filter(line -> line.startsWith(name)).findFirst()
                .map(line -> OptionalLong.of(Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0])))
                .orElse(OptionalLong.empty());
    }

    /** The arguments the process was started with. */
    static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The heap limit the JVM took: its last {@code -Xmx}, as the JVM itself does. */
    static String maxHeapOption(List<String> commandLine) {
        String last = "(JVM default)";
        for (String argument : commandLine) {
            if (argument.startsWith("-Xmx")) {
                last = argument;
            }
        }
        return last;
    }
}
