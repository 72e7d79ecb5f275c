package io.omnihub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.omnihub.contracts.Topics;
import io.omnihub.order.MongoCommandLog.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;

/**
 * What an order costs in MongoDB on its way to the store (intake, relay, reservation answer, relay) and the
 * availability figures inventory sends meanwhile: no write scans a collection (each condition names the {@code _id},
 * which MongoDB and the embedded one serve from the {@code _id} index whatever else it names; no write maintains a
 * second unique key any more), the order document is never read back,
 * written three times at most (insert, the answer, one outbox removal), no store nor product is read and no store
 * load written per order.
 */
class MongoCommandsPerOrderIT extends EmbeddedOrders {

    private static final String SITE = "site-mc";
    private static final String STORE = "MC-1";
    private static final int ORDERS = 12;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    private MongoClient unrecorded;

    @BeforeAll
    void unrecordedClient() {
        unrecorded = MongoClients.create(mongoUri);
    }

    @AfterAll
    void closeClient() {
        unrecorded.close();
    }

    @Test
    void anOrderIsNeverReadBackWrittenThreeTimesAtMostAndNoWriteScansACollection() {
        // given a store holding two catalog products, and one order through already (caches warm)
        List<String> eans = List.of("7891000900017", "7891000900024");
        store(STORE, -23.5614, -46.6559, 1, Map.of());
        for (int i = 0; i < eans.size(); i++) {
            kafka.product("MC-" + i, eans.get(i), "Produto " + i, "Marca", 10.0 + i);
            stock(STORE, eans.get(i), 1_000);
        }
        await().atMost(Kafka.PATIENCE).until(() -> post("/api/v1/routing-profiles/" + SITE + "/dry-run",
                orderBody(SITE, "dry", "SHIP_FROM_STORE", null, List.of(Map.of("reference", "MC-0", "quantity", 1),
                        Map.of("reference", "MC-1", "quantity", 1)))).getStatusCode() == HttpStatus.OK
                && post("/api/v1/routing-profiles/" + SITE + "/dry-run", body("dry")).getBody().path("assignments")
                .size() == 1);
        awaitThrough(List.of(place(body("ECOM-MC-0"))));

        // when orders are placed while inventory announces each reservation's new availability
        MongoCommandLog.INSTANCE.start();
        List<String> placed = new ArrayList<>();
        for (int i = 1; i <= ORDERS; i++) {
            placed.add(place(body("ECOM-MC-" + i)));
            for (String ean : eans) {
                kafka.availability(STORE, ean, 1_000 - i, System.nanoTime());
            }
        }
        awaitThrough(placed);
        List<Command> commands = MongoCommandLog.INSTANCE.stop();
        System.out.println("MongoDB commands per order (" + ORDERS + " orders): " + perOrder(commands));

        // then every write's condition names the _id (served from its index, the rest matched on the one found)
        assertThat(commands.stream().filter(Command::writes)
                .filter(command -> !command.filterFields().contains("_id")))
                .as("writes that the embedded MongoDB serves by reading the whole collection").isEmpty();
        // and each order is inserted once, never read back (the reservation answer starts from the document this
        // process wrote), written twice more at most: the answer, and one removal of its outbox (the answer's
        // write makes the intake outbox's removal unnecessary)
        assertThat(count(commands, command -> command.collection().equals("orders")
                && command.name().equals("insert"))).isEqualTo(ORDERS);
        assertThat(count(commands, command -> command.reads("orders")
                && command.filterFields().equals(Set.of("_id")) && !command.thread().equals("order-outbox-relay")))
                .isZero();
        assertThat(count(commands, command -> command.collection().equals("orders")
                && command.name().equals("update") && !command.thread().equals("order-outbox-relay")))
                .isEqualTo(ORDERS);
        // (an answer later than the relay's clearing delay leaves two removals: on a crowded machine, a few)
        assertThat(count(commands, command -> command.collection().equals("orders")
                && command.name().equals("update") && command.thread().equals("order-outbox-relay")))
                .isLessThanOrEqualTo(ORDERS + ORDERS / 4);
        // and each availability figure is written once at most (a write matching {_id, version} as read loses
        // only to another writer, and there is none here)
        assertThat(count(commands, command -> command.collection().equals("availability")
                && command.name().equals("update"))).isLessThanOrEqualTo(ORDERS * eans.size());
        // and the products of the order are known from the orders before it (read again at most once in a while)
        assertThat(count(commands, command -> command.reads("products") || command.reads("product_eans")))
                .isLessThan(ORDERS / 2);
        // and the stores' load of the day is counted in memory and written once a second, not by each order
        assertThat(count(commands, command -> command.collection().equals("store_load")
                && command.name().equals("update") && !command.thread().equals("store-load-writer"))).isZero();
        // and no store is read by id: the answer takes the store's ERP endpoint from routing's view of the stores
        assertThat(count(commands, command -> command.reads("stores") && !command.filterFields().isEmpty()))
                .isZero();
    }

    private Map<String, Object> body(String channelOrderId) {
        return orderBody(SITE, channelOrderId, "SHIP_FROM_STORE", null, List.of(
                Map.of("reference", "MC-0", "quantity", 1), Map.of("reference", "MC-1", "quantity", 1)));
    }

    /** Until each order's assignment is on Kafka and nothing is left in its outbox (read past the log). */
    private void awaitThrough(List<String> orderIds) {
        for (String orderId : orderIds) {
            kafka.await(Topics.ORDERS_FULFILLMENT_ASSIGNED, "io.omnihub.orders.fulfillment-assigned",
                    event -> event.path("orderId").asString().equals(orderId));
        }
        await().atMost(Kafka.PATIENCE).until(() -> unrecorded.getDatabase(databaseName()).getCollection("orders")
                .countDocuments(Filters.and(Filters.in("_id", orderIds), Filters.eq("unpublished", true))) == 0);
    }

    private String databaseName() {
        return mongoUri.substring(mongoUri.lastIndexOf('/') + 1);
    }

    private static long count(List<Command> commands, Predicate<Command> matching) {
        return commands.stream().filter(matching).count();
    }

    private static String perOrder(List<Command> commands) {
        Map<String, Long> counts = commands.stream().collect(Collectors.groupingBy(
                command -> command.collection() + " " + command.name() + " " + new TreeMap<>(
                        command.filterFields().stream().collect(Collectors.toMap(field -> field, field -> "")))
                        .keySet(), TreeMap::new, Collectors.counting()));
        StringBuilder text = new StringBuilder();
        counts.forEach((key, count) -> text.append(String.format(java.util.Locale.ROOT, "%n  %-60s %5.2f", key,
                count / (double) ORDERS)));
        return text.toString();
    }
}
