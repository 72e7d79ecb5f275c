package io.omnihub.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time per thread of a process, from {@code /proc/<pid>/task}: which thread of a service is busy (the importer,
 * Kafka's network thread, the listener) and which only waits. Java gives its threads native names of at most 15
 * characters.
 */
final class ThreadCpu {

    /** One thread's CPU time. */
    record ThreadTime(long tid, String name, long cpuMillis) {
    }

    private ThreadCpu() {
    }

    static Map<Long, ThreadTime> snapshot(long pid) {
        Map<Long, ThreadTime> threads = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> all = Files.list(tasks)) {
            all.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    long tid = Long.parseLong(task.getFileName().toString());
                    threads.put(tid, new ThreadTime(tid, name, ProcessStats.cpuMillisOf(stat)));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between listing and reading
                }
            });
        } catch (IOException gone) {
            // the process has gone: no threads
        }
        return threads;
    }

    /** What {@link #busiest} calls the CPU of threads that ended between the two snapshots. */
    static final String ENDED = "(threads that ended meanwhile)";

    /**
     * The CPU each thread used between two snapshots, busiest first. A thread that ended in between has no entry of
     * its own (its figures went with it: an import's row worker ends with its file), so what the process used beyond
     * its living threads is one entry, {@link #ENDED}, when it is more than a hundredth of the process's.
     */
    static List<ThreadTime> busiest(Map<Long, ThreadTime> before, Map<Long, ThreadTime> after, long processCpuMillis,
            int limit) {
        List<ThreadTime> used = new ArrayList<>();
        long living = 0;
        for (var entry : after.entrySet()) {
            ThreadTime now = entry.getValue();
            ThreadTime then = before.get(entry.getKey());
            long delta = now.cpuMillis() - (then == null ? 0 : then.cpuMillis());
            if (delta > 0) {
                used.add(new ThreadTime(now.tid(), now.name(), delta));
                living += delta;
            }
        }
        long ended = processCpuMillis - living;
        if (ended > processCpuMillis / 100 && ended > 0) {
            used.add(new ThreadTime(-1, ENDED, ended));
        }
        used.sort(Comparator.comparingLong(ThreadTime::cpuMillis).reversed());
        return used.subList(0, Math.min(limit, used.size()));
    }
}
