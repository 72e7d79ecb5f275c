package io.omnihub.benchmarks.orders;

import io.omnihub.order.routing.Demand;
import io.omnihub.order.routing.RankingCriterion;
import io.omnihub.order.routing.RoutingFilter;
import io.omnihub.order.routing.RoutingPlan;
import io.omnihub.order.routing.RoutingPolicy;
import io.omnihub.order.routing.RoutingProfile;
import io.omnihub.order.routing.RoutingRequest;
import io.omnihub.order.routing.StockLookup;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The routing decision alone (issue 5): order-service's {@link RoutingPolicy} over 500 stores and an availability
 * projection of 50,000 products, one order after another from a pool of generated orders. Beside it, in the same
 * run, reading the projection for the order's EANs alone, and the simplest routing there is (the nearest store
 * holding every line, one scan), so the policy's cost is read as a multiple of those. Run by
 * {@link RoutingDecisionReport}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoutingDecisionBenchmark {

    static final int STORES = 500;
    static final int PRODUCTS = 50_000;
    static final int ORDERS = 4096;

    /** The stores, the projection and a pool of orders, taken one after another. */
    @State(Scope.Thread)
    public static class World {

        RoutingWorld world;
        List<Set<String>> orderEans;
        private int next;

        @Setup(Level.Trial)
        public void generate() {
            world = RoutingWorld.generate(STORES, PRODUCTS, ORDERS, 20261129L);
            orderEans = world.orders.stream().map(RoutingDecisionBenchmark::eans).toList();
        }

        int nextOrder() {
            int order = next;
            next = (next + 1) % ORDERS;
            return order;
        }
    }

    /** The site's profile: the service default, nearest store without splits, or deepest shelf first. */
    @State(Scope.Thread)
    public static class Site {

        @Param({"default", "nearest-no-split", "depth-first"})
        public String profile;

        RoutingProfile routingProfile;

        @Setup(Level.Trial)
        public void choose() {
            routingProfile = profile(profile);
        }
    }

    static RoutingProfile profile(String name) {
        return switch (name) {
            case "default" -> RoutingProfile.DEFAULT;
            case "nearest-no-split" -> new RoutingProfile(EnumSet.of(RoutingFilter.SERVES_JOURNEY,
                    RoutingFilter.MAX_DISTANCE), List.of(RankingCriterion.DISTANCE, RankingCriterion.PRIORITY),
                    false, 1, Duration.ofHours(1), 300.0);
            case "depth-first" -> new RoutingProfile(EnumSet.allOf(RoutingFilter.class),
                    List.of(RankingCriterion.STOCK_DEPTH, RankingCriterion.FEWEST_SPLITS, RankingCriterion.DISTANCE),
                    true, 2, Duration.ofHours(2), 800.0);
            default -> throw new IllegalArgumentException("unknown profile " + name);
        };
    }

    private static Set<String> eans(RoutingRequest request) {
        Set<String> eans = new HashSet<>();
        for (Demand line : request.lines()) {
            eans.add(line.ean());
        }
        return eans;
    }

    /** What order-service does per routing round, minus MongoDB: read the projection, then the policy. */
    @Benchmark
    public RoutingPlan policy(World world, Site site) {
        int order = world.nextOrder();
        StockLookup stock = world.world.projection.lookup(world.orderEans.get(order));
        return RoutingPolicy.plan(world.world.orders.get(order), world.world.stores, stock, site.routingProfile);
    }

    /** The baseline: the same projection read, then the nearest store holding every line. */
    @Benchmark
    public String nearestStoreScan(World world) {
        int order = world.nextOrder();
        StockLookup stock = world.world.projection.lookup(world.orderEans.get(order));
        return RoutingWorld.nearestWithStock(world.world.orders.get(order), world.world.stores, stock);
    }

    /** The floor: reading the projection for the order's EANs and nothing else. */
    @Benchmark
    public StockLookup projectionRead(World world) {
        return world.world.projection.lookup(world.orderEans.get(world.nextOrder()));
    }
}
