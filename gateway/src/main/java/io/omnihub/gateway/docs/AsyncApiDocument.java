package io.omnihub.gateway.docs;

import io.omnihub.contracts.EventTypes;
import io.omnihub.contracts.Golden;
import io.omnihub.contracts.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AsyncAPI 3 document of every topic omnihub writes: its key, the event types it carries (from
 * {@link EventTypes#BY_TOPIC}), each event's schema (from the record), its CloudEvents headers, and the golden
 * JSON of the contracts as its example. Generated at start from the code, so it cannot drift from it.
 */
final class AsyncApiDocument {

    /** What the key of each topic is: the ordering a consumer gets (one key, one partition, in order). */
    static final Map<String, String> KEYS = Map.of(
            Topics.CATALOG_CATEGORIES, "the category path, e.g. `Roupas > Camisetas`",
            Topics.CATALOG_PRODUCTS, "the product reference (SKU)",
            Topics.INVENTORY_STOCK_UPDATES, "`storeId:ean`",
            Topics.INVENTORY_AVAILABILITY, "`storeId:ean` (compacted: the latest value per key is kept)",
            Topics.INVENTORY_RESERVATIONS, "the order id",
            Topics.ORDERS_COMMANDS, "the order id",
            Topics.ORDERS_FULFILLMENT_ASSIGNED, "the store id: a store's ERP reads its own key",
            Topics.ORDERS_LIFECYCLE, "the order id",
            Topics.COUPONS_LIFECYCLE, "the coupon code");

    static final Set<String> COMPACTED = Set.of(Topics.INVENTORY_AVAILABILITY);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AsyncApiDocument() {
    }

    static Map<String, Object> build(String version) {
        EventSchemas schemas = new EventSchemas();
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        EventTypes.BY_TOPIC.forEach((topic, events) -> {
            String key = KEYS.get(topic);
            if (key == null) {
                throw new IllegalStateException("AsyncApiDocument.KEYS does not say what the key of " + topic + " is");
            }
            String channelId = channelId(topic);
            Map<String, Object> channelMessages = new LinkedHashMap<>();
            List<Object> operationMessages = new ArrayList<>();
            for (Class<? extends Record> event : events) {
                String name = event.getSimpleName();
                messages.put(name, message(topic, key, event, schemas));
                channelMessages.put(name, Map.of("$ref", "#/components/messages/" + name));
                operationMessages.add(Map.of("$ref", "#/channels/" + channelId + "/messages/" + name));
            }
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("address", topic);
            channel.put("title", topic);
            channel.put("description", "Key: " + key + ". Failed records of a consumer go to `"
                    + Topics.deadLetter(topic) + "`.");
            channel.put("messages", channelMessages);
            channel.put("bindings", Map.of("kafka", Map.of("topic", topic, "bindingVersion", "0.5.0",
                    "topicConfiguration", Map.of("cleanup.policy",
                            List.of(COMPACTED.contains(topic) ? "compact" : "delete")))));
            channels.put(channelId, channel);
            operations.put("send-" + channelId, Map.of(
                    "action", "send",
                    "title", "omnihub publishes to " + topic,
                    "channel", Map.of("$ref", "#/channels/" + channelId),
                    "messages", operationMessages));
        });

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", "3.0.0");
        document.put("info", Map.of(
                "title", "omnihub events",
                "version", version,
                "description", "Every Kafka topic omnihub writes, its key and its events. Events are JSON with "
                        + "CloudEvents binary-mode headers (ce_id, ce_type, ce_source, ce_time, ce_specversion, "
                        + "content-type) and a correlation-id header; no Java class names on the wire. Each event "
                        + "has a unique ce_id: consumers must be idempotent. Generated from the contracts module."));
        document.put("defaultContentType", "application/json");
        document.put("servers", Map.of("kafka", Map.of(
                "host", "127.0.0.1:9092",
                "protocol", "kafka",
                "description", "The local stack's broker; docker-compose: 127.0.0.1:9094 from the host, "
                        + "kafka:9092 inside.")));
        document.put("channels", channels);
        document.put("operations", operations);
        document.put("components", Map.of("messages", messages, "schemas", schemas.all()));
        return document;
    }

    static String json(String version) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(build(version));
    }

    static String channelId(String topic) {
        return topic.replace('.', '-');
    }

    /** The golden file of an event: {@code golden/<topic>/<last segment of its type>.json}. */
    static String goldenName(String topic, Class<?> event) {
        String type = EventTypes.typeOf(event);
        return topic + "/" + type.substring(type.lastIndexOf('.') + 1) + ".json";
    }

    private static Map<String, Object> message(String topic, String key, Class<? extends Record> event,
                                               EventSchemas schemas) {
        String type = EventTypes.typeOf(event);
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("ce_type", Map.of("type", "string", "const", type));
        headers.put("ce_id", Map.of("type", "string", "description", "unique per event: the idempotency key"));
        headers.put("ce_source", Map.of("type", "string"));
        headers.put("ce_time", Map.of("type", "string", "format", "date-time"));
        headers.put("ce_specversion", Map.of("type", "string", "const", "1.0"));
        headers.put("content-type", Map.of("type", "string", "const", "application/json"));
        headers.put("correlation-id", Map.of("type", "string", "description", "the X-Correlation-Id of the request "
                + "that caused it"));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", event.getSimpleName());
        message.put("title", event.getSimpleName());
        message.put("summary", "ce_type " + type + " on " + topic);
        message.put("contentType", "application/json");
        message.put("headers", Map.of("type", "object", "properties", headers, "required",
                List.of("ce_type", "ce_id", "ce_source", "ce_time", "ce_specversion")));
        message.put("payload", schemas.refTo(event));
        message.put("bindings", Map.of("kafka", Map.of("bindingVersion", "0.5.0",
                "key", Map.of("type", "string", "description", key))));
        Object example = JSON.readValue(Golden.bytes(goldenName(topic, event)), Object.class);
        message.put("examples", List.of(Map.of("name", "golden", "headers", Map.of("ce_type", type),
                "payload", example)));
        return message;
    }
}
