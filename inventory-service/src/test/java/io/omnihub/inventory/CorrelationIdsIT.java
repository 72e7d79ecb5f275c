package io.omnihub.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.inventory.StockUpdatesTopic.Figure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Correlation ids across the outboxes: what inventory publishes later, from its relay thread, carries the id of
 * the record that caused it (the batch listener's figure, order-service's command), not the relay's nor none.
 */
class CorrelationIdsIT extends EmbeddedInventory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final String EAN = "7891000015834";
    private static final String OTHER_EAN = "7891000007914";

    @Test
    void theAvailabilityAFigureChangesCarriesTheFiguresCorrelationId() {
        String store = "CID-" + UUID.randomUUID().toString().substring(0, 6);
        String importCorrelation = "import-" + UUID.randomUUID();
        String pushCorrelation = "push-" + UUID.randomUUID();

        // one import's figure and another request's, possibly in one batch of the listener
        topic.figure(Figure.partial(store, EAN, 7, MONDAY, "imp-cid", 1), importCorrelation);
        topic.figure(Figure.partial(store, OTHER_EAN, 4, MONDAY, "imp-push", 1), pushCorrelation);

        assertThat(correlationIdOf(awaitAvailability(store + ":" + EAN, 1))).isEqualTo(importCorrelation);
        assertThat(correlationIdOf(awaitAvailability(store + ":" + OTHER_EAN, 1))).isEqualTo(pushCorrelation);
    }

    @Test
    void theReservationsAnswerAndTheAvailabilityItChangesCarryTheCommandsCorrelationId() {
        String store = "CIR-" + UUID.randomUUID().toString().substring(0, 6);
        topic.figure(Figure.partial(store, EAN, 7, MONDAY, "imp-cir", 1), "import-" + UUID.randomUUID());
        awaitAvailability(store + ":" + EAN, 1);
        String orderId = "ord-cid-" + UUID.randomUUID();
        String postCorrelation = "post-" + UUID.randomUUID();

        commands.reserve("cmd-" + orderId, orderId, store, Map.of(EAN, 2L), postCorrelation);

        ConsumerRecord<String, byte[]> answer = await().atMost(PATIENCE)
                .until(() -> reservations.poll().records(orderId), records -> !records.isEmpty()).get(0);
        assertThat(AvailabilityTopic.header(answer, "ce_type")).isEqualTo("io.omnihub.inventory.reservation-confirmed");
        assertThat(JSON.readTree(answer.value()).path("orderId").asString()).isEqualTo(orderId);
        assertThat(correlationIdOf(answer)).isEqualTo(postCorrelation);
        // the hold moved the pair's availability: announced under the same id
        ConsumerRecord<String, byte[]> held = awaitAvailability(store + ":" + EAN, 2);
        assertThat(JSON.readTree(held.value()).path("reserved").asLong()).isEqualTo(2);
        assertThat(correlationIdOf(held)).isEqualTo(postCorrelation);
    }

    private ConsumerRecord<String, byte[]> awaitAvailability(String key, int count) {
        List<ConsumerRecord<String, byte[]>> records = await().atMost(PATIENCE)
                .until(() -> availability.poll().records(key), found -> found.size() >= count);
        return records.get(count - 1);
    }

    private static String correlationIdOf(ConsumerRecord<?, ?> record) {
        return AvailabilityTopic.header(record, "correlation-id");
    }
}
