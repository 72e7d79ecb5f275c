package io.omnihub.benchmarks.orders;

import io.omnihub.contracts.orders.Journey;
import io.omnihub.order.routing.Demand;
import io.omnihub.order.routing.RoutingRequest;
import io.omnihub.order.routing.StockLookup;
import io.omnihub.order.routing.StoreCandidate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A country of stores and an availability projection as routing meets them, generated from a seed: stores around
 * Brazil's large cities (more in the bigger ones), each holding a share of the products (large stores most of
 * them, best-sellers almost everywhere), and orders from customers near those cities with one to four lines that
 * favour best-sellers.
 */
final class RoutingWorld {

    /** City, latitude, longitude, weight (roughly its metropolitan population in millions). */
    static final List<City> CITIES = List.of(
            new City("São Paulo", -23.55, -46.63, 22), new City("Rio de Janeiro", -22.91, -43.17, 13),
            new City("Belo Horizonte", -19.92, -43.94, 6), new City("Brasília", -15.79, -47.88, 5),
            new City("Porto Alegre", -30.03, -51.23, 4), new City("Fortaleza", -3.73, -38.52, 4),
            new City("Salvador", -12.97, -38.50, 4), new City("Recife", -8.05, -34.88, 4),
            new City("Curitiba", -25.43, -49.27, 3.5), new City("Campinas", -22.91, -47.06, 3.3),
            new City("Manaus", -3.12, -60.02, 2.6), new City("Goiânia", -16.68, -49.25, 2.6),
            new City("Belém", -1.46, -48.49, 2.5), new City("Vitória", -20.32, -40.34, 2),
            new City("Florianópolis", -27.60, -48.55, 1.2), new City("Natal", -5.79, -35.21, 1.5),
            new City("São Luís", -2.53, -44.30, 1.6), new City("Maceió", -9.67, -35.74, 1.3),
            new City("João Pessoa", -7.12, -34.86, 1.2), new City("Teresina", -5.09, -42.80, 1.2),
            new City("Campo Grande", -20.47, -54.62, 0.9), new City("Cuiabá", -15.60, -56.10, 0.9),
            new City("Aracaju", -10.91, -37.07, 0.9), new City("Londrina", -23.31, -51.16, 0.8),
            new City("Ribeirão Preto", -21.18, -47.81, 0.8), new City("Joinville", -26.30, -48.85, 0.6),
            new City("Uberlândia", -18.92, -48.28, 0.7), new City("Porto Velho", -8.76, -63.90, 0.5));

    final List<StoreCandidate> stores;
    final Projection projection;
    final List<String> eans;
    final List<RoutingRequest> orders;

    private RoutingWorld(List<StoreCandidate> stores, Projection projection, List<String> eans,
            List<RoutingRequest> orders) {
        this.stores = stores;
        this.projection = projection;
        this.eans = eans;
        this.orders = orders;
    }

    /** {@code storeCount} stores, {@code productCount} products, {@code orderCount} orders, all from {@code seed}. */
    static RoutingWorld generate(int storeCount, int productCount, int orderCount, long seed) {
        Random random = new Random(seed);
        List<String> eans = new ArrayList<>(productCount);
        for (int p = 0; p < productCount; p++) {
            eans.add(gtin13(789_1000_00000L + p));
        }
        double totalWeight = CITIES.stream().mapToDouble(City::weight).sum();
        List<StoreCandidate> stores = new ArrayList<>(storeCount);
        double[] shares = new double[storeCount];
        for (int s = 0; s < storeCount; s++) {
            City city = pick(random, totalWeight);
            double roll = random.nextDouble();
            Set<Journey> journeys = roll < 0.70 ? EnumSet.allOf(Journey.class)
                    : roll < 0.90 ? EnumSet.of(Journey.SHIP_FROM_STORE) : EnumSet.of(Journey.PICKUP_IN_STORE);
            boolean active = random.nextDouble() >= 0.05;
            long capacity = 50 + random.nextInt(450);
            // one store in twenty has used up today's capacity
            long remaining = random.nextDouble() < 0.05 ? 0 : capacity - random.nextInt((int) capacity);
            stores.add(new StoreCandidate("ST%04d".formatted(s + 1), city.latitude() + jitter(random, 0.15),
                    city.longitude() + jitter(random, 0.15), journeys, active, 1 + random.nextInt(5), remaining));
            // from a kiosk holding 2 % of the range to a flagship holding 40 %
            shares[s] = 0.02 + 0.38 * Math.pow(random.nextDouble(), 2);
        }
        Projection projection = Projection.generate(stores, eans, shares, random);
        List<RoutingRequest> orders = new ArrayList<>(orderCount);
        for (int o = 0; o < orderCount; o++) {
            orders.add(order(random, stores, eans, totalWeight));
        }
        return new RoutingWorld(List.copyOf(stores), projection, List.copyOf(eans), List.copyOf(orders));
    }

    private static RoutingRequest order(Random random, List<StoreCandidate> stores, List<String> eans,
            double totalWeight) {
        City city = pick(random, totalWeight);
        double latitude = city.latitude() + jitter(random, 0.3);
        double longitude = city.longitude() + jitter(random, 0.3);
        double linesRoll = random.nextDouble();
        int lineCount = linesRoll < 0.50 ? 1 : linesRoll < 0.80 ? 2 : linesRoll < 0.95 ? 3 : 4;
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < lineCount) {
            chosen.add(eans.get(popularProduct(random, eans.size())));
        }
        List<Demand> lines = chosen.stream()
                .map(ean -> new Demand(ean, random.nextDouble() < 0.8 ? 1 : 2 + random.nextInt(2))).toList();
        if (random.nextDouble() < 0.15) {
            String pickup = nearest(stores, latitude, longitude, Journey.PICKUP_IN_STORE);
            return new RoutingRequest(Journey.PICKUP_IN_STORE, latitude, longitude, pickup, lines, Set.of(),
                    Set.of(), Map.of());
        }
        return new RoutingRequest(Journey.SHIP_FROM_STORE, latitude, longitude, null, lines, Set.of(), Set.of(),
                Map.of());
    }

    /** Best-sellers first: a product index drawn with a long tail (a fifth of the draws hit the first 1 %). */
    static int popularProduct(Random random, int products) {
        return (int) Math.min(products - 1, Math.floor(products * Math.pow(random.nextDouble(), 3)));
    }

    /**
     * The baseline: the nearest active store that serves the journey and holds every line in full, by one
     * haversine scan over the stores; null when none does.
     */
    static String nearestWithStock(RoutingRequest request, List<StoreCandidate> stores, StockLookup stock) {
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (StoreCandidate store : stores) {
            if (!store.active() || !store.journeys().contains(request.journey())) {
                continue;
            }
            boolean holdsAll = true;
            for (Demand line : request.lines()) {
                if (stock.available(store.storeId(), line.ean()) < line.quantity()) {
                    holdsAll = false;
                    break;
                }
            }
            if (holdsAll) {
                double distance = haversineKm(request.latitude(), request.longitude(), store.latitude(),
                        store.longitude());
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = store.storeId();
                }
            }
        }
        return best;
    }

    private static String nearest(List<StoreCandidate> stores, double latitude, double longitude, Journey journey) {
        return stores.stream().filter(store -> store.journeys().contains(journey))
                .min((a, b) -> Double.compare(haversineKm(latitude, longitude, a.latitude(), a.longitude()),
                        haversineKm(latitude, longitude, b.latitude(), b.longitude())))
                .map(StoreCandidate::storeId).orElseThrow();
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static City pick(Random random, double totalWeight) {
        double at = random.nextDouble() * totalWeight;
        for (City city : CITIES) {
            at -= city.weight();
            if (at < 0) {
                return city;
            }
        }
        return CITIES.get(CITIES.size() - 1);
    }

    private static double jitter(Random random, double degrees) {
        return (random.nextDouble() * 2 - 1) * degrees;
    }

    /** A GTIN-13 from its first twelve digits and the GS1 check digit. */
    static String gtin13(long first12) {
        String digits = String.format("%012d", first12);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits + (10 - sum % 10) % 10;
    }

    record City(String name, double latitude, double longitude, double weight) {
    }

    /**
     * The availability projection in memory, as order-service's is in MongoDB: per EAN, the stores that hold it and
     * how many units. {@link #lookup} reads the entries of an order's EANs into a map keyed {@code storeId:ean},
     * the shape order-service's projection hands to the policy for one routing round.
     */
    static final class Projection {

        private final Map<String, Holding> byEan;
        private final long pairs;

        private Projection(Map<String, Holding> byEan, long pairs) {
            this.byEan = byEan;
            this.pairs = pairs;
        }

        static Projection generate(List<StoreCandidate> stores, List<String> eans, double[] shares, Random random) {
            Map<String, Holding> byEan = new HashMap<>(eans.size() * 2);
            long pairs = 0;
            int[] storeBuffer = new int[stores.size()];
            long[] unitBuffer = new long[stores.size()];
            for (int p = 0; p < eans.size(); p++) {
                // best-sellers are stocked nearly everywhere, the tail only by stores with a broad range
                double boost = p < eans.size() / 100 ? 2.5 : p < eans.size() / 10 ? 1.5 : 0.8;
                int held = 0;
                for (int s = 0; s < stores.size(); s++) {
                    if (random.nextDouble() < Math.min(0.95, shares[s] * boost)) {
                        storeBuffer[held] = s;
                        unitBuffer[held] = random.nextDouble() < 0.1 ? 0 : 1 + random.nextInt(20);
                        held++;
                    }
                }
                String[] ids = new String[held];
                for (int i = 0; i < held; i++) {
                    ids[i] = stores.get(storeBuffer[i]).storeId();
                }
                byEan.put(eans.get(p), new Holding(ids, Arrays.copyOf(unitBuffer, held)));
                pairs += held;
            }
            return new Projection(byEan, pairs);
        }

        /** The (store, EAN) pairs held. */
        long pairs() {
            return pairs;
        }

        /** Every store's units of these EANs, 0 where it holds none. */
        StockLookup lookup(Collection<String> eans) {
            Map<String, Long> available = new HashMap<>();
            for (String ean : eans) {
                Holding holding = byEan.get(ean);
                if (holding != null) {
                    for (int i = 0; i < holding.storeIds.length; i++) {
                        available.put(holding.storeIds[i] + ":" + ean, holding.units[i]);
                    }
                }
            }
            return (storeId, ean) -> available.getOrDefault(storeId + ":" + ean, 0L);
        }

        /** How many stores have an entry for the EAN (some with 0 units, as after a sale). */
        int holders(String ean) {
            Holding holding = byEan.get(ean);
            return holding == null ? 0 : holding.storeIds.length;
        }

        private record Holding(String[] storeIds, long[] units) {
        }
    }
}
