package io.omnihub.benchmarks.orders;

import io.omnihub.order.routing.RoutingPlan;
import io.omnihub.order.routing.RoutingPolicy;
import io.omnihub.order.routing.RoutingRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link RoutingDecisionBenchmark} with JMH and writes {@code benchmarks/target/bench/routing.md}: the policy's
 * time per decision for each profile, as a multiple of the nearest-store scan and of the bare projection read
 * measured in the same run, with the load average beside it.
 *
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *      io.omnihub.benchmarks.orders.RoutingDecisionReport --repo . [--forks 1] [--warmups 3] [--iterations 5] [--seconds 2]
 * </pre>
 */
public final class RoutingDecisionReport {

    private RoutingDecisionReport() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(".");
        int forks = 1;
        int warmups = 3;
        int iterations = 5;
        int seconds = 2;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[++i]);
                case "--forks" -> forks = Integer.parseInt(args[++i]);
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        repo = repo.toAbsolutePath().normalize();
        out = out != null ? out : repo.resolve("benchmarks/target/bench/routing.md");
        String loadBefore = Load.average();
        Options options = new OptionsBuilder().include(RoutingDecisionBenchmark.class.getName() + "\\.")
                .forks(forks).warmupIterations(warmups).measurementIterations(iterations)
                .warmupTime(TimeValue.seconds(seconds)).measurementTime(TimeValue.seconds(seconds))
                .timeUnit(TimeUnit.MICROSECONDS).jvmArgsAppend("-Xmx1g").build();
        Collection<RunResult> results = new Runner(options).run();
        String loadAfter = Load.average();
        String report = report(rows(results), workload(), forks, warmups, iterations, seconds, loadBefore, loadAfter);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("[routing-bench] written to " + out);
    }

    /** One measured benchmark: its method, the profile (null for the baselines), µs per operation and error. */
    record Row(String method, String profile, double micros, double error) {
    }

    static List<Row> rows(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1);
            String profile = result.getParams().getParamsKeys().contains("profile")
                    ? result.getParams().getParam("profile") : null;
            rows.add(new Row(method, profile, result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError()));
        }
        return rows;
    }

    static String report(List<Row> rows, String workload, int forks, int warmups, int iterations, int seconds,
            String loadBefore, String loadAfter) {
        double scan = rows.stream().filter(row -> row.method().equals("nearestStoreScan")).mapToDouble(Row::micros)
                .findFirst().orElse(Double.NaN);
        double read = rows.stream().filter(row -> row.method().equals("projectionRead")).mapToDouble(Row::micros)
                .findFirst().orElse(Double.NaN);
        StringBuilder text = new StringBuilder();
        text.append("## Routing decision alone (JMH), %s%n%n".formatted(
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))));
        text.append(workload).append("\n");
        text.append("| benchmark | profile | µs per decision (± 99.9 %) | decisions/s (one core) | × nearest-store scan "
                + "| × projection read |\n");
        text.append("| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "| %s | %s | %.1f ± %.1f | %,.0f | %s | %s |%n", row.method(),
                    row.profile() == null ? "—" : row.profile(), row.micros(), row.error(), 1e6 / row.micros(),
                    times(row.micros(), scan), times(row.micros(), read)));
        }
        text.append(String.format(Locale.ROOT, "%nJMH: %d fork(s), %d warm-up and %d measured iterations of %d s, "
                + "average time, one thread. Machine: %d cores, load average %s before and %s after.%n", forks, warmups,
                iterations, seconds, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
        return text.toString();
    }

    private static String times(double value, double baseline) {
        return Double.isNaN(baseline) || baseline <= 0 ? "—" : String.format(Locale.ROOT, "%.1f", value / baseline);
    }

    /** What the generated world and its orders look like, and what the default profile made of them. */
    static String workload() {
        RoutingWorld world = RoutingWorld.generate(RoutingDecisionBenchmark.STORES, RoutingDecisionBenchmark.PRODUCTS,
                RoutingDecisionBenchmark.ORDERS, 20261129L);
        long lines = 0;
        long holders = 0;
        Map<Integer, Integer> storesUsed = new TreeMap<>();
        long unplacedOrders = 0;
        for (RoutingRequest order : world.orders) {
            lines += order.lines().size();
            for (var line : order.lines()) {
                holders += world.projection.holders(line.ean());
            }
            RoutingPlan plan = RoutingPolicy.plan(order, world.stores, world.projection.lookup(
                    order.lines().stream().map(line -> line.ean()).toList()), RoutingDecisionBenchmark.profile("default"));
            storesUsed.merge(plan.assignments().size(), 1, Integer::sum);
            if (!plan.unplaced().isEmpty()) {
                unplacedOrders++;
            }
        }
        int orders = world.orders.size();
        return String.format(Locale.ROOT, "%d stores around %d Brazilian cities (%d active), %,d products, %,d "
                + "(store, EAN) pairs in the projection; %,d orders taken in turn, %.2f lines per order on average, "
                + "each line's EAN held by %.0f stores on average (best-sellers favoured). With the default profile, "
                + "stores per order %s; %.1f %% of the orders leave something unplaced.%n",
                world.stores.size(), RoutingWorld.CITIES.size(),
                world.stores.stream().filter(store -> store.active()).count(), world.eans.size(),
                world.projection.pairs(), orders, (double) lines / orders, (double) holders / lines, storesUsed,
                100.0 * unplacedOrders / orders);
    }
}
