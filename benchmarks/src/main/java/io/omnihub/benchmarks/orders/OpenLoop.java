package io.omnihub.benchmarks.orders;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Sends requests at a steady rate whatever the answers take (open loop: a slow answer does not delay the next
 * request, so queueing shows in the latencies instead of lowering the rate). Each request is timed from the
 * moment it was due.
 */
final class OpenLoop {

    private OpenLoop() {
    }

    /** One request: when it was due ({@link System#nanoTime()}), its answer's status and body (-1: no answer). */
    record Sent(long dueNanos, long answeredNanos, int status, String body) {

        boolean accepted() {
            return status == 202;
        }
    }

    /** {@code rate} requests a second for {@code duration}; returns once every answer is in (or timed out). */
    static List<Sent> run(HttpClient http, double rate, Duration duration, Supplier<HttpRequest> requests) {
        long interval = (long) (1e9 / rate);
        long count = (long) (rate * duration.toNanos() / 1e9);
        long start = System.nanoTime() + 10_000_000;
        List<CompletableFuture<Sent>> pending = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            HttpRequest request = requests.get();
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Sent(due, System.nanoTime(), response.statusCode(), response.body()))
                    .exceptionally(failure -> new Sent(due, System.nanoTime(), -1, failure.toString())));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }
}
