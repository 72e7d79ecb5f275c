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

    /** The CPU each thread used between two snapshots, busiest first; threads that ended in between are left out. */
    static List<ThreadTime> busiest(Map<Long, ThreadTime> before, Map<Long, ThreadTime> after, int limit) {
        List<ThreadTime> used = new ArrayList<>();
        after.forEach((tid, now) -> {
            ThreadTime then = before.get(tid);
            long delta = now.cpuMillis() - (then == null ? 0 : then.cpuMillis());
            if (delta > 0) {
                used.add(new ThreadTime(tid, now.name(), delta));
            }
        });
        used.sort(Comparator.comparingLong(ThreadTime::cpuMillis).reversed());
        return used.subList(0, Math.min(limit, used.size()));
    }
}
