package io.omnihub.benchmarks.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU each process of the run used while direct requests were measured and while requests through the gateway
 * were: every process is read alike before and after each measured round, so the two sides are charged the same way.
 */
final class ProcessCpu {

    private final Map<String, Long> pids;
    private final Map<String, double[]> used = new LinkedHashMap<>();

    /** @param pids process name to pid, in the order of the report */
    ProcessCpu(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
        pids.keySet().forEach(name -> used.put(name, new double[2]));
    }

    Map<String, Double> snapshot() {
        Map<String, Double> now = new LinkedHashMap<>();
        pids.forEach((name, pid) -> now.put(name, CpuTime.millis(pid)));
        return now;
    }

    /** Adds what each process used between two snapshots to the direct (false) or gateway (true) side. */
    void add(boolean gateway, Map<String, Double> before, Map<String, Double> after) {
        before.forEach((name, millis) -> {
            if (millis >= 0 && after.get(name) >= 0) {
                used.get(name)[gateway ? 1 : 0] += after.get(name) - millis;
            }
        });
    }

    /** Milliseconds of CPU of a process on one side. */
    double millis(String name, boolean gateway) {
        return used.get(name)[gateway ? 1 : 0];
    }

    Iterable<String> names() {
        return used.keySet();
    }
}
