package io.omnihub.order.model;

/**
 * An event or command a change of the order owes to Kafka, stored in the same write as the change and removed
 * once the broker acknowledged it. Its id is fixed when it is stored (the {@code ce_id}, and the
 * {@code commandId} of commands), so a message sent twice after a crash is recognisably the same.
 *
 * @param event a record of {@code io.omnihub.contracts} (stored with its class; never on the wire)
 * @param correlationId the correlation id of the work that owed the message (sent as its {@code correlation-id}
 *        header); null when none, and in documents stored before it was kept
 */
public record OutboxMessage(String id, String topic, String key, Object event, String correlationId) {
}
