package io.omnihub.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import io.omnihub.inventory.MongoCommandLog.Statement;
import io.omnihub.inventory.StockUpdatesTopic.Figure;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a ReserveStock costs in MongoDB, from the command on {@code orders.commands} to its answer on
 * {@code inventory.reservations} and the hold's availability on {@code inventory.availability}, both relayed (the
 * relay's writes included; not what the test reads to wait): one command at a time, as order-service sends them at an order rate the relay keeps
 * up with. No statement scans a collection (each names {@code _id}, or is the relay's look at a stored outbox),
 * and the command's record is never read before its first attempt.
 */
class MongoCommandsPerReservationIT extends EmbeddedInventory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final int COMMANDS = 10;
    /**
     * The relay's periodic look may find an answer the in-memory path is still sending and mark it sent once more
     * (a CI run counted 31 statements on the commands of 10 refusals, 30 expected): a few such, never one per command.
     */
    private static final long SENT_AGAIN = COMMANDS / 2;
    private static final List<String> EANS = List.of("7891000015834", "7891000007914");

    @Autowired
    MongoTemplate mongo;

    @Test
    void aReservationOfOneLineNeverReadsItsCommandNorScansAndCostsAtMostSevenStatements() {
        // given a store holding plenty of both EANs, and one reservation through already
        String store = store("one");
        stockUp(store);

        // when one-line reservations are carried out one after the other
        List<Statement> statements = record(store, List.of(Map.of(EANS.get(0), 1L)), true);

        // then none scans, the command's record is never read (nor read back by the relay), and each costs at
        // most 7 statements: its record inserted and completed, the pair read and written, the availability
        // outbox entry inserted and removed, the answer marked sent
        assertNoScans(statements);
        assertThat(count(statements, statement -> statement.collection().equals("commands") && statement.reads()
                && !isStoredOutboxLook(statement))).isZero();
        assertThat(count(statements, statement -> !isStoredOutboxLook(statement)))
                .isLessThanOrEqualTo(7L * COMMANDS + SENT_AGAIN);
    }

    @Test
    void aReservationOfTwoLinesReadsBothPairsAtOnceAndWritesThemInOneBulkWrite() {
        String store = store("two");
        stockUp(store);

        List<Statement> statements = record(store, List.of(Map.of(EANS.get(0), 1L, EANS.get(1), 2L)), true);

        // then both pairs are read by one query and written by one bulk write, under one outbox entry
        assertNoScans(statements);
        assertThat(roundTrips(statements, statement -> statement.collection().equals("stock")))
                .isEqualTo(2L * COMMANDS);
        assertThat(count(statements, statement -> statement.collection().equals("availability_outbox")
                && statement.name().equals("insert"))).isEqualTo(COMMANDS);
        assertThat(count(statements, statement -> !isStoredOutboxLook(statement)))
                .isLessThanOrEqualTo(8L * COMMANDS + SENT_AGAIN);
    }

    @Test
    void aRefusedReservationThatHeldNothingWritesNoRefusalAndTakesNothingBack() {
        String store = store("refused");
        stockUp(store);

        List<Statement> statements = record(store, List.of(Map.of(EANS.get(0), 5_000L)), false);

        // then its record is inserted and completed, the pair read once, nothing written to the stock
        assertNoScans(statements);
        assertThat(count(statements, statement -> statement.collection().equals("stock"))).isEqualTo(COMMANDS);
        // (inserted, completed, marked sent: 3 per command; the former path took 5)
        assertThat(count(statements, statement -> statement.collection().equals("commands")
                && !isStoredOutboxLook(statement))).isLessThanOrEqualTo(3L * COMMANDS + SENT_AGAIN);
    }

    @Test
    void aReleaseOfTwoLinesReadsBothPairsAtOnceAndWritesThemInOneBulkWrite() {
        String store = store("release");
        stockUp(store);
        Map<String, Long> lines = Map.of(EANS.get(0), 1L, EANS.get(1), 2L);
        for (int i = 0; i < COMMANDS; i++) {
            reserveAndAwait(store, "ord-" + store + "-" + i, lines, true);
        }

        MongoCommandLog.INSTANCE.start();
        for (int i = 0; i < COMMANDS; i++) {
            String orderId = "ord-" + store + "-" + i;
            awaitDone(store, "rel-" + orderId, orderId, 2,
                    () -> commands.release("rel-" + orderId, orderId, store, new LinkedHashMap<>(lines), "CANCELLED"));
        }
        List<Statement> statements = MongoCommandLog.INSTANCE.stop();
        System.out.println("MongoDB statements per ReleaseStock of 2 lines (" + COMMANDS + " commands): "
                + perCommand(statements));

        // then both pairs are read by one query and written by one bulk write, under one outbox entry
        assertNoScans(statements);
        assertThat(roundTrips(statements, statement -> statement.collection().equals("stock")))
                .isEqualTo(2L * COMMANDS);
        assertThat(count(statements, statement -> statement.collection().equals("availability_outbox")
                && statement.name().equals("insert"))).isEqualTo(COMMANDS);
    }

    /** Figures of both EANs at the store, and one reservation carried out (caches and connections warm). */
    private void stockUp(String store) {
        for (int row = 0; row < EANS.size(); row++) {
            topic.figure(Figure.partial(store, EANS.get(row), 1_000, MONDAY, "imp-" + store, row + 1));
        }
        for (String ean : EANS) {
            await().atMost(PATIENCE).until(() -> stockAt(ean, store), stock -> stock != null
                    && stock.path("onHand").asLong() == 1_000);
        }
        reserveAndAwait(store, "warm-" + store, Map.of(EANS.get(0), 1L), true);
    }

    /** Carries out {@link #COMMANDS} reservations of those lines one after the other, recording their statements. */
    private List<Statement> record(String store, List<Map<String, Long>> lines, boolean confirmed) {
        MongoCommandLog.INSTANCE.start();
        for (int i = 0; i < COMMANDS; i++) {
            reserveAndAwait(store, "ord-" + store + "-" + i, lines.get(0), confirmed);
        }
        List<Statement> statements = MongoCommandLog.INSTANCE.stop();
        System.out.println("MongoDB statements per ReserveStock of " + lines.get(0).size() + " line(s), "
                + (confirmed ? "confirmed" : "refused") + " (" + COMMANDS + " commands): " + perCommand(statements));
        return statements;
    }

    /**
     * Sends the reservation and waits until its answer is on Kafka and marked sent, and (when it held units) no
     * outbox entry names the store's pairs any more: the relay's writes for it are done.
     */
    private void reserveAndAwait(String store, String orderId, Map<String, Long> lines, boolean confirmed) {
        String commandId = "cmd-" + orderId;
        List<JsonNode> answers = awaitDone(store, commandId, orderId, 1,
                () -> commands.reserve(commandId, orderId, store, new LinkedHashMap<>(lines)));
        assertThat(answers.get(0).has("shortages")).as(orderId + " refused").isEqualTo(!confirmed);
    }

    /** Sends the command, then waits until the order's {@code answers}-th answer is on Kafka and the relay is done. */
    private List<JsonNode> awaitDone(String store, String commandId, String orderId, int answers, Runnable send) {
        Date sent = new Date();
        send.run();
        List<JsonNode> found = await().atMost(PATIENCE).until(() -> reservations.poll().records(orderId).stream()
                .map(record -> JSON.readTree(record.value())).toList(), all -> all.size() >= answers);
        var database = mongo.getDb();
        // polled on this thread, whose reads are not recorded
        await().pollInSameThread().atMost(PATIENCE).until(() -> {
            Document record = database.getCollection("commands").find(Filters.eq("_id", commandId)).first();
            boolean entriesLeft = false;
            for (Document entry : database.getCollection("availability_outbox").find()) {
                // (entries of the figures, written before, are not this command's)
                entriesLeft |= !entry.getDate("createdAt").before(sent) && entry.getList("pairs", String.class,
                        List.of()).stream().anyMatch(pair -> pair.startsWith(store + ":"));
            }
            return record != null && !record.containsKey("pending") && !entriesLeft;
        });
        return found;
    }

    /** Every statement with a filter names {@code _id}, but the relay's periodic look at the stored outboxes. */
    private static void assertNoScans(List<Statement> statements) {
        assertThat(statements).filteredOn(statement -> statement.reads() || statement.writes())
                .filteredOn(statement -> !isStoredOutboxLook(statement))
                .filteredOn(statement -> !statement.filterFields().contains("_id")
                        && !statement.filterFields().equals(Set.of("pending")))
                .as("statements the embedded MongoDB answers by reading the whole collection").isEmpty();
    }

    /**
     * The relay's look at the stored outboxes when nothing waits in memory (every {@code interval}: 500 ms here),
     * whatever the commands: the availability entries (a small collection), the answers by their sparse index.
     */
    private static boolean isStoredOutboxLook(Statement statement) {
        return statement.reads() && (statement.collection().equals("availability_outbox")
                && statement.filterFields().isEmpty() || statement.collection().equals("commands")
                        && statement.filterFields().equals(Set.of("pending")));
    }

    private static long count(List<Statement> statements, Predicate<Statement> matching) {
        return statements.stream().filter(matching).count();
    }

    private static long roundTrips(List<Statement> statements, Predicate<Statement> matching) {
        return statements.stream().filter(matching).map(Statement::requestId).distinct().count();
    }

    private static String perCommand(List<Statement> statements) {
        Map<String, List<Statement>> byKind = statements.stream().collect(Collectors.groupingBy(
                statement -> statement.collection() + " " + statement.name() + " " + new TreeMap<>(statement
                        .filterFields().stream().collect(Collectors.toMap(field -> field, field -> ""))).keySet()
                        + (isStoredOutboxLook(statement) ? " (stored outbox look, periodic)" : ""),
                TreeMap::new, Collectors.toList()));
        StringBuilder text = new StringBuilder();
        byKind.forEach((kind, of) -> text.append(String.format(Locale.ROOT, "%n  %-75s %5.2f statements %5.2f round trips",
                kind, of.size() / (double) COMMANDS, of.stream().map(Statement::requestId).distinct().count()
                        / (double) COMMANDS)));
        List<Statement> counted = statements.stream().filter(statement -> !isStoredOutboxLook(statement)).toList();
        text.append(String.format(Locale.ROOT, "%n  %-75s %5.2f statements %5.2f round trips", "total (periodic looks aside)",
                counted.size() / (double) COMMANDS, counted.stream().map(Statement::requestId).distinct().count()
                        / (double) COMMANDS));
        return text.toString();
    }

    private static String store(String what) {
        return "MCR-" + what + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
