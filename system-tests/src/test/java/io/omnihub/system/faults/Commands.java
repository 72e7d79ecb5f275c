package io.omnihub.system.faults;

import io.omnihub.contracts.EventTypes;
import io.omnihub.contracts.Topics;
import io.omnihub.contracts.orders.ReserveStock;
import io.omnihub.localstack.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends {@code ReserveStock} commands on {@code orders.commands} as order-service does (JSON, CloudEvents headers,
 * key = order id, acks=all), so a case knows every command it expects an answer to.
 */
final class Commands implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    Commands(LocalStack stack) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** One unit of {@code ean} at {@code storeId} for a fulfilment of its own; the command id is {@code <orderId>:reserve}. */
    String reserveOne(String orderId, String storeId, String ean) throws ExecutionException, InterruptedException {
        String commandId = orderId + ":reserve";
        Map<String, Object> command = Map.of("commandId", commandId, "orderId", orderId,
                "fulfillmentId", orderId + "-1", "storeId", storeId,
                "lines", List.of(Map.of("ean", ean, "quantity", 1)), "requestedAt", Instant.now().toString());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORDERS_COMMANDS, orderId,
                Client.JSON.writeValueAsBytes(command));
        header(record, "ce_id", commandId);
        header(record, "ce_type", EventTypes.typeOf(ReserveStock.class));
        header(record, "ce_source", "omnihub-fault-tests");
        header(record, "ce_specversion", "1.0");
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        producer.send(record).get();
        return commandId;
    }

    @Override
    public void close() {
        producer.close();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
