package io.omnihub.benchmarks.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of workers, each sending the same GET again as soon as the previous answer arrived (a closed
 * loop: the concurrency is fixed, the throughput is what the server gives). One JDK HttpClient, keep-alive.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    static LoadResult run(String name, URI uri, Map<String, String> headers, int concurrency, Duration duration)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        AtomicLong errors = new AtomicLong();
        List<long[]> perWorker = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int w = 0; w < concurrency; w++) {
            long[] latencies = new long[1 << 20];
            int[] count = new int[1];
            perWorker.add(latencies);
            counts.add(count);
            Thread worker = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                        } catch (java.io.IOException e) {
                            errors.incrementAndGet();
                            continue;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        if (count[0] < latencies.length) {
                            latencies[count[0]++] = System.nanoTime() - sent;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, name + "-" + w);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int total = counts.stream().mapToInt(count -> count[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(perWorker.get(w), 0, all, at, counts.get(w)[0]);
            at += counts.get(w)[0];
        }
        return new LoadResult(name, total, errors.get(), elapsed, all);
    }
}
