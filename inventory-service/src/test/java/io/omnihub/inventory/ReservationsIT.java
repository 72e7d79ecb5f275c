package io.omnihub.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Golden;
import io.omnihub.inventory.StockUpdatesTopic.Figure;
import io.omnihub.testsupport.DeadLetters;
import io.omnihub.contracts.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reservations end to end: commands as order-service writes them on {@code orders.commands} (three partitions,
 * three listener threads), answers read back from {@code inventory.reservations}, the stock from the API.
 */
class ReservationsIT extends EmbeddedInventory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final String EAN_X = "7891000015834";
    private static final String EAN_Y = "7891000007914";

    @Test
    void manyConcurrentReservationsForTheSameFewUnitsNeverOversell() throws Exception {
        String store = "RACE-" + UUID.randomUUID().toString().substring(0, 6);
        topic.figure(Figure.partial(store, EAN_X, 7, MONDAY, "imp-race", 1));
        // 7 on hand - global safety stock 1 = 6 units to promise, to 40 orders of one unit each
        awaitAvailable(store, EAN_X, 6);
        List<String> orders = new ArrayList<>();
        List<Callable<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String orderId = "ord-race-" + UUID.randomUUID();
            orders.add(orderId);
            sends.add(() -> {
                commands.reserve("cmd-" + orderId, orderId, store, Map.of(EAN_X, 1L));
                return null;
            });
        }

        runAll(sends, 4);

        List<JsonNode> answers = awaitAnswers(orders);
        assertThat(orders.stream().map(this::partitionOf).distinct()).as("orders spread over every partition")
                .hasSize(StockUpdatesTopic.PARTITIONS);
        assertThat(answers).filteredOn(answer -> answer.has("lines")).hasSize(6);
        assertThat(answers).filteredOn(answer -> answer.has("shortages")).hasSize(34)
                .allSatisfy(refused -> assertThat(refused.path("shortages").get(0).path("available").asLong())
                        .isZero());
        JsonNode stock = stockAt(EAN_X, store);
        assertThat(stock.path("reserved").asLong()).isEqualTo(6);
        assertThat(stock.path("available").asLong()).isZero();
    }

    @Test
    void concurrentMultiLineReservationsAreAllOrNothing() throws Exception {
        String store = "MULTI-" + UUID.randomUUID().toString().substring(0, 6);
        topic.figure(Figure.partial(store, EAN_X, 9, MONDAY, "imp-multi", 1));
        topic.figure(Figure.partial(store, EAN_Y, 5, MONDAY, "imp-multi", 2));
        awaitAvailable(store, EAN_X, 8);
        awaitAvailable(store, EAN_Y, 4);
        List<String> orders = new ArrayList<>();
        List<Callable<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String orderId = "ord-multi-" + UUID.randomUUID();
            orders.add(orderId);
            Map<String, Long> lines = new LinkedHashMap<>();
            lines.put(EAN_X, 2L);
            lines.put(EAN_Y, 1L);
            sends.add(() -> {
                commands.reserve("cmd-" + orderId, orderId, store, lines);
                return null;
            });
        }

        runAll(sends, 4);

        List<JsonNode> answers = awaitAnswers(orders);
        long confirmed = answers.stream().filter(answer -> answer.has("lines")).count();
        // X allows 4 orders (8 / 2), Y allows 4 (4 / 1): at most 4, and the units held are exactly theirs
        assertThat(confirmed).isBetween(1L, 4L);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(stockAt(EAN_X, store).path("reserved").asLong()).isEqualTo(2 * confirmed);
            assertThat(stockAt(EAN_Y, store).path("reserved").asLong()).isEqualTo(confirmed);
        });
    }

    @Test
    void theSameCommandTwiceHoldsOnceAndGetsTheSameAnswerAgain() {
        String store = "IDEM-" + UUID.randomUUID().toString().substring(0, 6);
        topic.figure(Figure.partial(store, EAN_X, 10, MONDAY, "imp-idem", 1));
        awaitAvailable(store, EAN_X, 9);
        String orderId = "ord-idem-" + UUID.randomUUID();

        commands.reserve("cmd-" + orderId, orderId, store, Map.of(EAN_X, 3L));
        awaitAnswer(orderId, 1);
        // order-service did not see the answer (say, it restarted) and sends the command again
        commands.reserve("cmd-" + orderId, orderId, store, Map.of(EAN_X, 3L));

        List<ConsumerRecord<String, byte[]>> records = await().atMost(PATIENCE)
                .until(() -> reservations.poll().records(orderId), found -> found.size() == 2);
        assertThat(JSON.readTree(records.get(1).value())).isEqualTo(JSON.readTree(records.get(0).value()));
        assertThat(AvailabilityTopic.header(records.get(1), "ce_id"))
                .isEqualTo(AvailabilityTopic.header(records.get(0), "ce_id"));
        assertThat(stockAt(EAN_X, store).path("reserved").asLong()).isEqualTo(3);
        assertThat(stockAt(EAN_X, store).path("available").asLong()).isEqualTo(6);
    }

    @Test
    void aFullSnapshotKeepsTheUnitsAlreadyPromisedOnline() {
        String store = "FULL-" + UUID.randomUUID().toString().substring(0, 6);
        topic.figure(Figure.partial(store, EAN_X, 10, MONDAY, "imp-before", 1));
        topic.figure(Figure.partial(store, EAN_Y, 10, MONDAY, "imp-before", 2));
        awaitAvailable(store, EAN_X, 9);
        awaitAvailable(store, EAN_Y, 9);
        String orderId = "ord-full-" + UUID.randomUUID();
        commands.reserve("cmd-" + orderId, orderId, store, Map.of(EAN_X, 4L, EAN_Y, 2L));
        awaitAnswers(List.of(orderId));

        // the daily full load: X is counted 6 (the ERP does not know the online order), Y is absent
        Instant tuesday = MONDAY.plusSeconds(86_400);
        String snapshotId = "snap-full-" + UUID.randomUUID();
        Figure x = Figure.full(store, EAN_X, 6, tuesday, snapshotId, 2);
        topic.figure(x);
        for (int partition = 0; partition < StockUpdatesTopic.PARTITIONS; partition++) {
            topic.marker(snapshotId, List.of(store), tuesday, partition, partition == x.partition() ? 1 : 0);
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(stockAt(EAN_Y, store).path("onHand").asLong()).isZero();
            assertThat(stockAt(EAN_X, store).path("onHand").asLong()).isEqualTo(6);
        });
        assertThat(stockAt(EAN_X, store).path("reserved").asLong()).isEqualTo(4);
        assertThat(stockAt(EAN_X, store).path("available").asLong()).isEqualTo(6 - 4 - 1);
        assertThat(stockAt(EAN_Y, store).path("reserved").asLong()).isEqualTo(2);
        assertThat(stockAt(EAN_Y, store).path("available").asLong()).isZero();
    }

    @Test
    void theProducersGoldenCommandsAreCarriedOutAndAnsweredAsTheGoldenAnswers() {
        // the golden commands of order ord-01JE0A, at a store of their own
        String store = "GOLDEN-RES";
        Instant morning = Instant.parse("2026-11-29T09:00:00Z");
        topic.figure(Figure.partial(store, "7891000000007", 10, morning, "imp-golden", 1));
        topic.figure(Figure.partial(store, EAN_X, 10, morning, "imp-golden", 2));
        // 7891000000007 keeps a safety stock of 3 in these tests
        awaitAvailable(store, "7891000000007", 7);
        awaitAvailable(store, EAN_X, 9);

        commands.send("ord-01JE0A", OrderCommandsTopic.RESERVE, golden("orders.commands/reserve-stock.json", store));
        JsonNode confirmed = awaitAnswer("ord-01JE0A", 1);
        assertSameAnswer(confirmed, "inventory.reservations/reservation-confirmed.json", store);
        assertThat(stockAt("7891000000007", store).path("reserved").asLong()).isEqualTo(2);
        assertThat(stockAt(EAN_X, store).path("reserved").asLong()).isEqualTo(1);

        commands.send("ord-01JE0A", OrderCommandsTopic.RELEASE, golden("orders.commands/release-stock.json", store));
        JsonNode released = awaitAnswer("ord-01JE0A", 2);
        assertSameAnswer(released, "inventory.reservations/reservation-released.json", store);
        assertThat(released.path("at").asString()).isEqualTo("2026-11-29T14:05:00Z");
        awaitAvailable(store, "7891000000007", 7);

        commands.send("ord-01JE0A", OrderCommandsTopic.CONSUME, golden("orders.commands/consume-stock.json", store));
        // 10 on hand, 2 consumed at 14:05 (after the figure's 09:00), safety stock 3
        awaitAvailable(store, "7891000000007", 10 - 2 - 3);
        awaitAvailable(store, EAN_X, 10 - 1 - 1);

        commands.send("ord-01JE0A", OrderCommandsTopic.RESTOCK, golden("orders.commands/restock-return.json", store));
        awaitAvailable(store, "7891000000007", 10 - 2 + 2 - 3);
        awaitAvailable(store, EAN_X, 10 - 1 + 1 - 1);

        commands.send("ord-01JE0A", OrderCommandsTopic.OUT_OF_STOCK,
                golden("orders.commands/mark-out-of-stock.json", store));
        awaitAvailable(store, "7891000000007", 0);
        JsonNode empty = stockAt("7891000000007", store);
        assertThat(empty.path("onHand").asLong()).isZero();
        assertThat(empty.path("asOf").asString()).isEqualTo("2026-11-29T14:05:00Z");
        assertThat(stockAt(EAN_X, store).path("available").asLong()).isEqualTo(9);
        assertThat(reservations.poll().records("ord-01JE0A")).as("consume, restock and marks are not answered")
                .hasSize(2);
    }

    @Test
    void aCommandThatCanNeverBeCarriedOutGoesToTheDeadLetterTopic() {
        ObjectNode command = (ObjectNode) JSON.readTree(Golden.bytes("orders.commands/reserve-stock.json"));
        command.put("orderId", "ord-dead-" + UUID.randomUUID());
        command.putArray("lines").addObject().put("ean", EAN_X).put("quantity", 0);

        ConsumerRecord<String, byte[]> dead = DeadLetters.of(kafka.getBrokersAsString(), Topics.ORDERS_COMMANDS,
                command.path("orderId").asString(), PATIENCE, () -> commands.send(command.path("orderId").asString(),
                        OrderCommandsTopic.RESERVE, JSON.writeValueAsBytes(command)));

        assertThat(AvailabilityTopic.header(dead, "kafka_dlt-exception-message")).contains("quantity");
    }

    private byte[] golden(String file, String store) {
        ObjectNode command = (ObjectNode) JSON.readTree(Golden.bytes(file));
        command.put("storeId", store);
        return JSON.writeValueAsBytes(command);
    }

    private static void assertSameAnswer(JsonNode answer, String goldenFile, String store) {
        ObjectNode expected = (ObjectNode) JSON.readTree(Golden.bytes(goldenFile));
        expected.put("storeId", store);
        ObjectNode actual = (ObjectNode) answer.deepCopy();
        // the golden answers are at the golden commands' time; a confirmation is at the time it was decided
        expected.remove("at");
        actual.remove("at");
        assertThat(actual).isEqualTo(expected);
    }

    private JsonNode awaitAnswer(String orderId, int count) {
        List<ConsumerRecord<String, byte[]>> records = await().atMost(PATIENCE)
                .until(() -> reservations.poll().records(orderId), found -> found.size() >= count);
        return JSON.readTree(records.get(count - 1).value());
    }

    private List<JsonNode> awaitAnswers(List<String> orders) {
        await().atMost(PATIENCE).until(() -> {
            reservations.poll();
            return orders.stream().allMatch(order -> !reservations.records(order).isEmpty());
        });
        return orders.stream().map(order -> JSON.readTree(reservations.records(order).get(0).value())).toList();
    }

    private void awaitAvailable(String store, String ean, long available) {
        await().atMost(PATIENCE).until(() -> stockAt(ean, store),
                stock -> stock != null && stock.path("available").asLong() == available);
    }

    private int partitionOf(String orderId) {
        return StockUpdatesTopic.partitionOf(orderId);
    }

    private static void runAll(List<Callable<Void>> tasks, int threads) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            for (Future<Void> sent : pool.invokeAll(tasks)) {
                sent.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
