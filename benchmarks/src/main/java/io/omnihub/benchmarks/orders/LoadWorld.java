package io.omnihub.benchmarks.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The stores, products, stock and orders of the end-to-end load, as the JSON bodies a real operator, ERP and
 * channel send: stores around São Paulo (capacity that a run cannot use up), each stocking a share of the
 * products, and orders from customers in the city for one to three products, favouring best-sellers. Every id
 * starts with {@code prefix}, so that a run shares a stack with other work without touching its data.
 */
final class LoadWorld {

    private static final double SAO_PAULO_LAT = -23.55;
    private static final double SAO_PAULO_LON = -46.63;

    final String prefix;
    final String siteId;
    final List<String> storeIds;
    final List<String> eans;
    private final Random random;
    private long ordersMade;

    LoadWorld(String prefix, int stores, int products, long seed) {
        this.prefix = prefix;
        this.siteId = "site-" + prefix.toLowerCase();
        this.random = new Random(seed);
        List<String> storeIds = new ArrayList<>();
        for (int s = 1; s <= stores; s++) {
            storeIds.add("%s%03d".formatted(prefix, s));
        }
        this.storeIds = List.copyOf(storeIds);
        List<String> eans = new ArrayList<>();
        // EANs unique to the prefix: its hash picks a block of 100,000 numbers
        long block = 7_890_000_000_00L + Math.floorMod(prefix.hashCode(), 9_000) * 100_000L;
        for (int p = 0; p < products; p++) {
            eans.add(RoutingWorld.gtin13(block + p));
        }
        this.eans = List.copyOf(eans);
    }

    /** {@code PUT /api/v1/stores}: every store ships from store, large capacity, spread over 30 km. */
    Map<String, Object> storesBody() {
        List<Map<String, Object>> stores = new ArrayList<>();
        Random places = new Random(storeIds.size());
        for (int s = 0; s < storeIds.size(); s++) {
            Map<String, Object> store = new LinkedHashMap<>();
            store.put("storeId", storeIds.get(s));
            store.put("name", "Load store " + (s + 1));
            store.put("latitude", SAO_PAULO_LAT + (places.nextDouble() - 0.5) * 0.5);
            store.put("longitude", SAO_PAULO_LON + (places.nextDouble() - 0.5) * 0.5);
            store.put("journeys", List.of("SHIP_FROM_STORE", "PICKUP_IN_STORE"));
            store.put("dailyCapacity", 10_000_000);
            store.put("priority", 1 + s % 3);
            store.put("active", true);
            stores.add(store);
        }
        return Map.of("stores", stores);
    }

    /** {@code PUT /api/v1/routing-profiles/{siteId}}: filters, distance first, splits up to two stores. */
    static Map<String, Object> profileBody() {
        return Map.of("filters", List.of("SERVES_JOURNEY", "CAPACITY_TODAY", "MAX_DISTANCE"), "ranking",
                List.of("FEWEST_SPLITS", "DISTANCE", "PRIORITY", "STOCK_DEPTH"), "splitAllowed", true, "maxSplits", 2,
                "acceptanceDeadline", "PT2H", "maxDistanceKm", 100);
    }

    /** {@code POST /api/v1/products}: every product with a reference, its EAN and prices. */
    Map<String, Object> productsBody() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int p = 0; p < eans.size(); p++) {
            items.add(Map.of("reference", reference(p), "ean", eans.get(p), "name", "Load product " + (p + 1),
                    "brand", "Carga", "category", "Carga > Produtos", "price", 99.90, "discountedPrice", 89.90));
        }
        return Map.of("items", items);
    }

    String reference(int product) {
        return "%s-%05d".formatted(prefix, product + 1);
    }

    /**
     * {@code POST /api/v1/stock?mode=partial}: the stock of every store, {@code units} of each product it holds;
     * each store holds every third product and the best-sellers (the first tenth), so every product is somewhere.
     */
    Map<String, Object> fullStockBody(long units, Instant asOf) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int s = 0; s < storeIds.size(); s++) {
            for (int p = 0; p < eans.size(); p++) {
                if (holds(s, p)) {
                    items.add(Map.of("ean", eans.get(p), "storeId", storeIds.get(s), "quantity", units));
                }
            }
        }
        return Map.of("asOf", asOf.toString(), "items", items);
    }

    boolean holds(int store, int product) {
        return product < Math.max(1, eans.size() / 10) || (product + store) % 3 == 0;
    }

    /** A partial stock update of {@code rows} random pairs a store holds, each to a figure in [from, to]. */
    List<StockRow> stockUpdate(int rows, long from, long to) {
        List<StockRow> update = new ArrayList<>();
        Set<String> pairs = new LinkedHashSet<>();
        while (update.size() < rows) {
            int s = random.nextInt(storeIds.size());
            int p = random.nextInt(eans.size());
            if (holds(s, p) && pairs.add(s + ":" + p)) {
                update.add(new StockRow(storeIds.get(s), eans.get(p), from + (long) random.nextInt((int) (to - from + 1))));
            }
        }
        return update;
    }

    static Map<String, Object> stockBody(List<StockRow> rows, Instant asOf) {
        return Map.of("asOf", asOf.toString(), "items", rows.stream()
                .map(row -> Map.<String, Object>of("ean", row.ean(), "storeId", row.storeId(), "quantity",
                        row.quantity())).toList());
    }

    /** The next channel order: a customer in São Paulo, one to three lines of one or two units. */
    Map<String, Object> nextOrder() {
        ordersMade++;
        String channelOrderId = "%s-%d-%06d".formatted(prefix, System.identityHashCode(this), ordersMade);
        double roll = random.nextDouble();
        int lineCount = roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3;
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < lineCount) {
            chosen.add(eans.get(RoutingWorld.popularProduct(random, eans.size())));
        }
        List<Map<String, Object>> lines = chosen.stream().map(ean -> Map.<String, Object>of("ean", ean,
                "quantity", random.nextDouble() < 0.8 ? 1 : 2, "unitPrice", new BigDecimal("89.90"))).toList();
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", "Rua da Carga, " + (1 + random.nextInt(2000)));
        address.put("city", "São Paulo");
        address.put("state", "SP");
        address.put("postalCode", "01310-100");
        address.put("latitude", SAO_PAULO_LAT + (random.nextDouble() - 0.5) * 0.4);
        address.put("longitude", SAO_PAULO_LON + (random.nextDouble() - 0.5) * 0.4);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("siteId", siteId);
        order.put("channelOrderId", channelOrderId);
        order.put("journey", "SHIP_FROM_STORE");
        order.put("customer", Map.of("name", "Cliente Carga", "document", "52998224725", "email",
                "carga@example.com"));
        order.put("shippingAddress", address);
        order.put("lines", lines);
        return order;
    }

    /** One row of a stock update. */
    record StockRow(String storeId, String ean, long quantity) {
    }
}
