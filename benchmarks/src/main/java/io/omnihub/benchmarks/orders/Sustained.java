package io.omnihub.benchmarks.orders;

import io.omnihub.benchmarks.orders.LoadWorld.StockRow;
import io.omnihub.benchmarks.orders.OpenLoop.Sent;
import io.omnihub.benchmarks.orders.OrderLoadBenchmark.Options;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.Part;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8's sustained load: stock updates ({@code POST /stock?mode=partial}) and orders through the gateway at
 * steady rates for minutes, each service's resident memory and heap sampled every 10 s, then every accepted request
 * accounted for: each 202 order exists and every unit of every line is either held by an assigned fulfilment or
 * declared unfulfillable with the routing's reasons; each accepted stock update's import completed with all its
 * rows, and the last figure sent for every (store, EAN) is the store's on-hand figure at inventory.
 */
final class Sustained {

    private Sustained() {
    }

    static String run(Gateway gateway, LoadWorld world, AssignmentWatcher watcher, LocalStack stack,
            Map<Part, Long> pids, Options options) throws Exception {
        Duration length = Duration.ofMinutes(options.sustainedMinutes());
        Map<Part, List<long[]>> memory = new LinkedHashMap<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> sample(gateway, stack, pids, memory), 0, 10, TimeUnit.SECONDS);
        String loadBefore = Load.average();
        Map<Part, Double> cpuBefore = OrderLoadBenchmark.cpu(pids);
        // the last figure sent per pair, in the order sent (as-of times increase with each update)
        Map<String, Long> lastFigure = new LinkedHashMap<>();
        List<List<StockRow>> updates = new ArrayList<>();
        Instant[] lastAsOf = {Instant.now()};
        OrderLoadBenchmark.say("sustained: %d min, %.0f orders/s and %.1f stock updates/s of %d rows".formatted(
                options.sustainedMinutes(), options.orderRate(), options.stockRate(), options.stockRows()));
        CompletableFuture<List<Sent>> stock = CompletableFuture.supplyAsync(() -> OpenLoop.run(gateway.http,
                options.stockRate(), length, () -> {
                    List<StockRow> rows = world.stockUpdate(options.stockRows(), 0, 500);
                    Instant asOf = Instant.now();
                    if (!asOf.isAfter(lastAsOf[0])) {
                        asOf = lastAsOf[0].plusMillis(1);
                    }
                    lastAsOf[0] = asOf;
                    updates.add(rows);
                    return gateway.request(Gateway.ERP, "POST", "/api/v1/stock?mode=partial",
                            LoadWorld.stockBody(rows, asOf));
                }));
        List<Sent> orders = OpenLoop.run(gateway.http, options.orderRate(), length,
                () -> OrderLoadBenchmark.order(gateway, world));
        List<Sent> stockSent = stock.join();
        Map<Part, Double> cpuAfter = OrderLoadBenchmark.cpu(pids);
        String loadAfter = Load.average();
        OrderLoadBenchmark.say("load over; accounting for every accepted request");

        List<String> importIds = new ArrayList<>();
        int stockRejected = 0;
        long rowsAccepted = 0;
        for (int i = 0; i < stockSent.size(); i++) {
            if (stockSent.get(i).accepted()) {
                importIds.add(gateway.json.readTree(stockSent.get(i).body()).path("importId").asString());
                for (StockRow row : updates.get(i)) {
                    lastFigure.put(row.storeId() + "|" + row.ean(), row.quantity());
                }
                rowsAccepted += updates.get(i).size();
            } else {
                stockRejected++;
            }
        }
        List<String> problems = new ArrayList<>();
        for (String importId : importIds) {
            JsonNode job = OrderLoadBenchmark.awaitImport(gateway, importId);
            if (!"COMPLETED".equals(job.path("state").asString())
                    || job.path("rowsAccepted").asLong() != options.stockRows()) {
                problems.add("import " + importId + ": " + job);
            }
        }
        int figuresChecked = checkFigures(gateway, lastFigure, problems);
        List<String> orderIds = new ArrayList<>();
        int ordersRejected = 0;
        for (Sent sent : orders) {
            if (sent.accepted()) {
                orderIds.add(gateway.json.readTree(sent.body()).path("orderId").asString());
            } else {
                ordersRejected++;
            }
        }
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (String orderId : orderIds) {
            String outcome = awaitAccounted(gateway, orderId, Instant.now().plus(Duration.ofMinutes(2)));
            outcomes.merge(outcome, 1, Integer::sum);
            if (outcome.startsWith("NOT ACCOUNTED")) {
                problems.add(orderId + ": " + outcome);
            }
        }
        sampler.shutdownNow();
        sample(gateway, stack, pids, memory);

        StringBuilder text = new StringBuilder();
        text.append("## Sustained load (issue 8), %s%n%n".formatted(
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))));
        text.append(String.format(Locale.ROOT, "%d min through the gateway: %.1f orders/s (dev-channel) and %.1f "
                + "partial stock updates/s of %d rows (dev-erp), at the same time. Load average %s before, %s after.%n%n",
                options.sustainedMinutes(), options.orderRate(), options.stockRate(), options.stockRows(), loadBefore,
                loadAfter));
        text.append("| requests | sent | accepted | refused | accounted for |\n| --- | ---: | ---: | ---: | --- |\n");
        text.append(String.format(Locale.ROOT, "| orders | %d | %d | %d | %s |%n", orders.size(), orderIds.size(),
                ordersRejected, outcomes));
        text.append(String.format(Locale.ROOT, "| stock updates | %d (%d rows) | %d (%d rows) | %d | %d imports "
                + "checked; %d (store, EAN) figures equal the last one sent |%n", stockSent.size(),
                stockSent.size() * options.stockRows(), importIds.size(), rowsAccepted, stockRejected,
                importIds.size(), figuresChecked));
        text.append(problems.isEmpty() ? "\n**Every accepted request accounted for.**\n"
                : "\n**%d accepted requests NOT accounted for**; the first: %s%n".formatted(problems.size(),
                        problems.subList(0, Math.min(5, problems.size()))));
        text.append("\nMemory of each service (MiB): resident set (first sample, max, last) and heap used (first, "
                + "max, last sample), samples every 10 s:\n\n| process | RSS first | RSS max | RSS last | heap first | "
                + "heap max | heap last | CPU over the run |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        memory.forEach((part, samples) -> {
            if (samples.isEmpty()) {
                return;
            }
            long[] first = samples.get(0);
            long[] last = samples.get(samples.size() - 1);
            long rssMax = samples.stream().mapToLong(sample -> sample[0]).max().orElse(-1);
            long heapMax = samples.stream().mapToLong(sample -> sample[1]).max().orElse(-1);
            text.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %s | %.1f s |%n", part.id(),
                    first[0] / 1024, rssMax / 1024, last[0] / 1024, mib(first[1]), mib(heapMax), mib(last[1]),
                    (cpuAfter.get(part) - cpuBefore.get(part)) / 1000));
        });
        return text.toString();
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "—" : Long.toString(bytes / (1024 * 1024));
    }

    /** The order's outcome once settled: ASSIGNED, PARTLY UNFULFILLABLE, UNFULFILLABLE, or NOT ACCOUNTED (why). */
    static String awaitAccounted(Gateway gateway, String orderId, Instant deadline) throws Exception {
        String why = "never found";
        while (true) {
            JsonNode order = gateway.find(Gateway.OPERATOR, "/api/v1/orders/" + orderId);
            if (order != null) {
                why = unaccounted(order);
                if (why == null) {
                    long unfulfillable = 0;
                    long units = 0;
                    for (JsonNode line : order.path("lines")) {
                        unfulfillable += line.path("unfulfillable").asLong();
                        units += line.path("quantity").asLong();
                    }
                    return unfulfillable == 0 ? "ASSIGNED" : unfulfillable == units ? "UNFULFILLABLE"
                            : "PARTLY UNFULFILLABLE";
                }
            }
            if (Instant.now().isAfter(deadline)) {
                return "NOT ACCOUNTED: " + why;
            }
            Thread.sleep(250);
        }
    }

    /**
     * Null when every unit of every line is either held by a live ASSIGNED fulfilment or unfulfillable with a
     * routing decision explaining it; else what is missing.
     */
    static String unaccounted(JsonNode order) {
        Map<String, Long> held = new HashMap<>();
        for (JsonNode fulfillment : order.path("fulfillments")) {
            if (!fulfillment.path("rerouted").asBoolean() && "ASSIGNED".equals(fulfillment.path("status").asString())) {
                for (JsonNode line : fulfillment.path("lines")) {
                    held.merge(line.path("ean").asString(), line.path("quantity").asLong(), Long::sum);
                }
            }
        }
        for (JsonNode line : order.path("lines")) {
            String ean = line.path("ean").asString();
            long accounted = held.getOrDefault(ean, 0L) + line.path("unfulfillable").asLong();
            if (accounted != line.path("quantity").asLong()) {
                return "%s: %d of %d units held or unfulfillable (order %s)".formatted(ean, accounted,
                        line.path("quantity").asLong(), order.path("status").asString());
            }
            if (line.path("unfulfillable").asLong() > 0 && order.path("routing").isEmpty()) {
                return ean + " unfulfillable without a routing decision";
            }
        }
        return null;
    }

    /** Checks the store's on-hand figure of every pair against the last one sent; answers how many were checked. */
    private static int checkFigures(Gateway gateway, Map<String, Long> lastFigure, List<String> problems)
            throws Exception {
        Map<String, Map<String, Long>> byEan = new LinkedHashMap<>();
        lastFigure.forEach((pair, quantity) -> {
            String[] parts = pair.split("\\|");
            byEan.computeIfAbsent(parts[1], ean -> new HashMap<>()).put(parts[0], quantity);
        });
        int checked = 0;
        for (Map.Entry<String, Map<String, Long>> entry : byEan.entrySet()) {
            JsonNode stock = gateway.find(Gateway.ERP, "/api/v1/stock/" + entry.getKey());
            Map<String, Long> onHand = new HashMap<>();
            if (stock != null) {
                stock.path("stores").forEach(store -> onHand.put(store.path("storeId").asString(),
                        store.path("onHand").asLong()));
            }
            for (Map.Entry<String, Long> expected : entry.getValue().entrySet()) {
                checked++;
                Long actual = onHand.get(expected.getKey());
                if (actual == null || actual.longValue() != expected.getValue()) {
                    problems.add("stock %s at %s: on hand %s, last figure sent %d".formatted(entry.getKey(),
                            expected.getKey(), actual, expected.getValue()));
                }
            }
        }
        return checked;
    }

    /** RSS (KiB) and heap used (bytes, from the service's Prometheus metrics; -1 when unknown) of each service. */
    private static void sample(Gateway gateway, LocalStack stack, Map<Part, Long> pids,
            Map<Part, List<long[]>> memory) {
        pids.forEach((part, pid) -> {
            long heap = -1;
            if (part.isService()) {
                try {
                    HttpResponse<String> metrics = gateway.http.send(HttpRequest.newBuilder(URI.create(
                            stack.serviceUrl(part) + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    heap = metrics.statusCode() == 200 ? (long) heapUsed(metrics.body()) : -1;
                } catch (Exception e) {
                    heap = -1;
                }
            }
            memory.computeIfAbsent(part, any -> new ArrayList<>()).add(new long[] {ProcStats.rssKib(pid), heap});
        });
    }

    /** The sum of {@code jvm_memory_used_bytes} over the heap pools in a Prometheus exposition; -1 if absent. */
    static double heapUsed(String exposition) {
        double sum = 0;
        boolean found = false;
        for (String line : exposition.lines().toList()) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? sum : -1;
    }
}
