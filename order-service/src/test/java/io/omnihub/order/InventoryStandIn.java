package io.omnihub.order;

import io.omnihub.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * Plays inventory's part: reads ReserveStock on {@code orders.commands} and answers on
 * {@code inventory.reservations} with ReservationConfirmed when its own shelves hold every line (taking the
 * units), else ReservationRefused with the shortages, both shaped like the golden files. Its shelves may differ
 * from the availability the order-service was told, which is how a refusal happens. Like inventory, an answer
 * carries the correlation id of its command, unless a test makes a store's answers carry another one.
 */
public final class InventoryStandIn implements AutoCloseable {

    private final Map<String, Long> shelves = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> answered = new ConcurrentHashMap<>();
    private final Map<String, String> correlationIds = new ConcurrentHashMap<>();
    private final Consumer<String, byte[]> consumer;
    private final Kafka kafka;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public InventoryStandIn(EmbeddedKafkaBroker broker, Kafka kafka) {
        this.kafka = kafka;
        consumer = new DefaultKafkaConsumerFactory<>(KafkaTestUtils.consumerProps(broker, "inventory-" + UUID.randomUUID(),
                false), new StringDeserializer(), new ByteArrayDeserializer()).createConsumer();
        consumer.subscribe(List.of(Topics.ORDERS_COMMANDS));
        thread = new Thread(this::run, "inventory-stand-in");
        thread.setDaemon(true);
        thread.start();
    }

    public void shelf(String storeId, String ean, long units) {
        shelves.put(storeId + ":" + ean, units);
    }

    /** The store's answers carry {@code correlationId} instead of their command's. */
    public void answerWithCorrelationId(String storeId, String correlationId) {
        correlationIds.put(storeId, correlationId);
    }

    public long shelf(String storeId, String ean) {
        return shelves.getOrDefault(storeId + ":" + ean, 0L);
    }

    private void run() {
        while (running.get()) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if ("io.omnihub.orders.reserve-stock".equals(Kafka.header(record, "ce_type"))) {
                        answer(Kafka.json(record), Kafka.header(record, "correlation-id"));
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException | org.apache.kafka.common.errors.InterruptException e) {
                return;
            }
        }
    }

    private synchronized void answer(JsonNode command, String correlationId) {
        String commandId = command.path("commandId").asString();
        JsonNode first = answered.get(commandId);
        if (first == null) {
            String store = command.path("storeId").asString();
            List<Map<String, Object>> shortages = new ArrayList<>();
            for (JsonNode line : command.path("lines")) {
                long available = shelf(store, line.path("ean").asString());
                if (available < line.path("quantity").asLong()) {
                    shortages.add(Map.of("ean", line.path("ean").asString(), "requested",
                            line.path("quantity").asLong(), "available", available));
                }
            }
            Map<String, Object> fields = new java.util.HashMap<>(Map.of("commandId", commandId, "orderId",
                    command.path("orderId").asString(), "fulfillmentId", command.path("fulfillmentId").asString(),
                    "storeId", store, "at", Instant.now().toString()));
            if (shortages.isEmpty()) {
                command.path("lines").forEach(line -> shelves.merge(store + ":" + line.path("ean").asString(),
                        -line.path("quantity").asLong(), Long::sum));
                fields.put("lines", command.path("lines"));
                first = Kafka.golden("inventory.reservations/reservation-confirmed.json", fields);
            } else {
                fields.put("shortages", shortages);
                first = Kafka.golden("inventory.reservations/reservation-refused.json", fields);
            }
            answered.put(commandId, first);
        }
        // a repeated command gets the first answer again, as inventory promises
        kafka.send(Topics.INVENTORY_RESERVATIONS, command.path("orderId").asString(),
                first.has("shortages") ? "io.omnihub.inventory.reservation-refused"
                        : "io.omnihub.inventory.reservation-confirmed", first,
                correlationIds.getOrDefault(command.path("storeId").asString(), correlationId));
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
