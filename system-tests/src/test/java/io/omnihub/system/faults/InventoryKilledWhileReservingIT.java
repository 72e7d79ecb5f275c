package io.omnihub.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.EventTypes;
import io.omnihub.contracts.Topics;
import io.omnihub.contracts.inventory.ReservationConfirmed;
import io.omnihub.contracts.inventory.ReservationRefused;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.Part;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 of inventory-service while partial stock updates and one-unit reservations flow: once restarted, every
 * reservation is answered once, exactly the units on hand are held (none twice), every figure is the latest, and
 * the compacted availability topic ends on the same figures as the API.
 */
@Order(2)
class InventoryKilledWhileReservingIT {

    private static final String STORE = "FKR";
    private static final int RESERVED_EANS = 3;
    private static final int UPDATED_EANS = 3;
    private static final int UPDATE_ROUNDS = 6;

    private final Scale scale = Scale.current();
    private final LocalStack stack = FaultStack.get();
    private final Client erp = new Client(stack, "dev-erp");
    private final String run = "fkr-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void restore() {
        FaultStack.restore();
    }

    @Test
    void aKilledInventoryAnswersEveryReservationOnceAndHoldsNoUnitTwice() throws Exception {
        // given EANs to reserve, each with a third as many units as reservations coming, and EANs to update
        long unitsEach = scale.commandsPerEan() / 3;
        List<String> reserved = eans(2_000_000, RESERVED_EANS);
        List<String> updated = eans(2_000_100, UPDATED_EANS);
        Instant start = Instant.now().minusSeconds(3600);
        Map<String, Long> first = new LinkedHashMap<>();
        reserved.forEach(ean -> first.put(ean, unitsEach));
        updated.forEach(ean -> first.put(ean, 5L));
        pushFigures(first, start);
        await("the first figures").atMost(scale.patience()).until(() -> onHand(), first::equals);

        List<String> commandIds = new ArrayList<>();
        Map<String, String> eanOfCommand = new HashMap<>();
        Map<String, Long> latest = new LinkedHashMap<>(first);
        try (Commands commands = new Commands(stack);
             TopicReader answers = new TopicReader(stack, Topics.INVENTORY_RESERVATIONS, key -> key.startsWith(run));
             TopicReader availability = new TopicReader(stack, Topics.INVENTORY_AVAILABILITY,
                     key -> key.startsWith(STORE + ":"))) {
            // when reservations and updates flow, and inventory is killed (SIGKILL) once answers come
            int half = scale.commandsPerEan() / 2;
            send(commands, reserved, 0, half, commandIds, eanOfCommand);
            updateRounds(1, UPDATE_ROUNDS / 2, updated, start, latest);
            await("the first answers").atMost(scale.patience()).until(() -> answers.poll().size() >= 3);
            stack.kill(Part.INVENTORY);

            // and the rest flows while it is down, then it is started again
            send(commands, reserved, half, scale.commandsPerEan(), commandIds, eanOfCommand);
            updateRounds(UPDATE_ROUNDS / 2 + 1, UPDATE_ROUNDS, updated, start, latest);
            stack.start(Part.INVENTORY);

            // then every command is answered, and a command answered twice was answered the same way
            List<TopicReader.Event> all = await("an answer to each of " + commandIds.size() + " commands")
                    .atMost(scale.patience()).until(answers::poll,
                            seen -> commandIdsOf(seen).containsAll(commandIds));
            Map<String, Set<String>> outcomes = all.stream().collect(Collectors.groupingBy(
                    event -> event.value().path("commandId").asString(),
                    Collectors.mapping(event -> event.type() + " " + event.id(), Collectors.toSet())));
            assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(commandIds);
            assertThat(outcomes).allSatisfy((command, answered) -> assertThat(answered).as(command).hasSize(1));

            // exactly the units on hand were confirmed per EAN, the others refused
            Map<String, Long> confirmed = countByEan(all, ReservationConfirmed.class, eanOfCommand);
            Map<String, Long> refused = countByEan(all, ReservationRefused.class, eanOfCommand);
            reserved.forEach(ean -> {
                assertThat(confirmed.get(ean)).as("confirmed " + ean).isEqualTo(unitsEach);
                assertThat(refused.get(ean)).as("refused " + ean).isEqualTo(scale.commandsPerEan() - unitsEach);
            });

            // and the API shows every hold once and the latest figures
            Map<String, JsonNode> stock = await("the final figures").atMost(scale.patience())
                    .until(() -> erp.stockOf(STORE), found -> onHandOf(found).equals(latest)
                            && reserved.stream().allMatch(ean -> found.get(ean).path("reserved").asLong() == unitsEach));
            reserved.forEach(ean -> assertThat(stock.get(ean).path("available").asLong()).as(ean).isZero());
            updated.forEach(ean -> {
                assertThat(stock.get(ean).path("reserved").asLong()).as(ean).isZero();
                assertThat(stock.get(ean).path("available").asLong()).as(ean).isEqualTo(latest.get(ean));
            });

            // and the availability topic's newest version of each pair says the same (the outbox lost nothing)
            Map<String, String> announced = await("the availability topic").atMost(scale.patience())
                    .until(() -> newestAvailability(availability.poll()), found -> found.equals(figures(stock)));
            assertThat(announced).isEqualTo(figures(stock));
        }
    }

    private void send(Commands commands, List<String> eans, int from, int to, List<String> commandIds,
                      Map<String, String> eanOfCommand) throws Exception {
        for (int i = from; i < to; i++) {
            for (String ean : eans) {
                String commandId = commands.reserveOne(run + "-" + ean + "-" + i, STORE, ean);
                commandIds.add(commandId);
                eanOfCommand.put(commandId, ean);
            }
        }
    }

    /** Partial updates through the gateway, each round a newer figure of every updated EAN. */
    private void updateRounds(int from, int to, List<String> eans, Instant start, Map<String, Long> latest)
            throws Exception {
        for (int round = from; round <= to; round++) {
            Map<String, Long> figures = new LinkedHashMap<>();
            for (String ean : eans) {
                figures.put(ean, 10L * round + eans.indexOf(ean));
            }
            pushFigures(figures, start.plusSeconds(60L * round));
            latest.putAll(figures);
        }
    }

    private void pushFigures(Map<String, Long> figures, Instant asOf) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        figures.forEach((ean, quantity) -> items.add(Map.of("ean", ean, "storeId", STORE, "quantity", quantity)));
        erp.call("POST", "/api/v1/stock?mode=partial", Map.of("asOf", asOf.toString(), "items", items), 202);
    }

    private Map<String, Long> onHand() throws InterruptedException {
        return onHandOf(erp.stockOf(STORE));
    }

    private static Map<String, Long> onHandOf(Map<String, JsonNode> stock) {
        Map<String, Long> onHand = new LinkedHashMap<>();
        stock.forEach((ean, item) -> onHand.put(ean, item.path("onHand").asLong()));
        return onHand;
    }

    private static Map<String, String> figures(Map<String, JsonNode> stock) {
        Map<String, String> figures = new HashMap<>();
        stock.forEach((ean, item) -> figures.put(STORE + ":" + ean, item.path("onHand").asLong() + "/"
                + item.path("reserved").asLong() + "/" + item.path("available").asLong()));
        return figures;
    }

    private static Map<String, String> newestAvailability(List<TopicReader.Event> events) {
        Map<String, JsonNode> newest = new HashMap<>();
        for (TopicReader.Event event : events) {
            newest.merge(event.key(), event.value(), (a, b) ->
                    b.path("version").asLong() >= a.path("version").asLong() ? b : a);
        }
        Map<String, String> figures = new HashMap<>();
        newest.forEach((key, value) -> figures.put(key, value.path("onHand").asLong() + "/"
                + value.path("reserved").asLong() + "/" + value.path("available").asLong()));
        return figures;
    }

    private static Set<String> commandIdsOf(List<TopicReader.Event> events) {
        return events.stream().map(event -> event.value().path("commandId").asString()).collect(Collectors.toSet());
    }

    private static Map<String, Long> countByEan(List<TopicReader.Event> events, Class<?> type,
                                                Map<String, String> eanOfCommand) {
        String wanted = EventTypes.typeOf(type);
        return events.stream().filter(event -> wanted.equals(event.type()))
                .map(event -> event.value().path("commandId").asString()).distinct()
                .collect(Collectors.groupingBy(eanOfCommand::get, Collectors.counting()));
    }

    private static List<String> eans(long first, int count) {
        List<String> eans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            eans.add(Gtins.ean13(first + i));
        }
        return eans;
    }
}
