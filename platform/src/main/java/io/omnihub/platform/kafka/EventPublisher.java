package io.omnihub.platform.kafka;

import io.omnihub.contracts.EventTypes;
import io.omnihub.platform.web.CorrelationId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an event as JSON with CloudEvents binary-mode headers ({@code ce_id}, {@code ce_type},
 * {@code ce_source}, {@code ce_time}, {@code ce_specversion}, {@code content-type}) and the correlation id.
 * No Java type information goes on the wire: consumers bind the JSON to their own types.
 */
public class EventPublisher {

    public static final String SPEC_VERSION = "1.0";

    private static final byte[] SPEC_VERSION_BYTES = SPEC_VERSION.getBytes(StandardCharsets.UTF_8);
    private static final byte[] JSON = "application/json".getBytes(StandardCharsets.UTF_8);

    private final KafkaTemplate<String, byte[]> template;
    private final JsonMapper json;
    private final byte[] source;
    private final Clock clock;
    /** The last {@code ce_time} written: an import publishes thousands of events within one millisecond's text. */
    private volatile Stamp lastStamp = new Stamp(Long.MIN_VALUE, new byte[0]);

    public EventPublisher(KafkaTemplate<String, byte[]> template, JsonMapper json, String applicationName, Clock clock) {
        this.template = template;
        this.json = json;
        this.source = ("/omnihub/" + applicationName).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Sends with a random event id; the future completes when the broker has the record (acks=all). */
    public CompletableFuture<SendResult<String, byte[]>> publish(String topic, String key, Object event) {
        return publish(topic, key, UUID.randomUUID().toString(), event);
    }

    /**
     * Sends with the given event id; a deterministic id (e.g. import id and row) lets consumers drop the
     * duplicates a redo produces.
     */
    public CompletableFuture<SendResult<String, byte[]>> publish(String topic, String key, String eventId,
            Object event) {
        return publish(topic, null, key, eventId, event);
    }

    /**
     * Sends to one given partition, for markers that every partition must carry (e.g. the end of a
     * snapshot); {@code partition} null lets the key choose, as usual.
     */
    public CompletableFuture<SendResult<String, byte[]>> publish(String topic, Integer partition, String key,
            String eventId, Object event) {
        var record = new ProducerRecord<>(topic, partition, key, json.writeValueAsBytes(event));
        Headers headers = record.headers();
        header(headers, CloudEventHeaders.ID, eventId);
        header(headers, CloudEventHeaders.TYPE, EventTypes.typeOf(event.getClass()));
        headers.add(CloudEventHeaders.SOURCE, source);
        headers.add(CloudEventHeaders.TIME, now());
        headers.add(CloudEventHeaders.SPEC_VERSION, SPEC_VERSION_BYTES);
        headers.add(CloudEventHeaders.CONTENT_TYPE, JSON);
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            header(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        }
        return template.send(record);
    }

    /** How many partitions the topic has, as the producer sees it. */
    public int partitionsOf(String topic) {
        return template.partitionsFor(topic).size();
    }

    /** The time of an event as RFC 3339 text, to the millisecond. */
    private byte[] now() {
        long millis = clock.millis();
        Stamp last = lastStamp;
        if (last.millis() != millis) {
            last = new Stamp(millis, Instant.ofEpochMilli(millis).toString().getBytes(StandardCharsets.UTF_8));
            lastStamp = last;
        }
        return last.text();
    }

    private record Stamp(long millis, byte[] text) {
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
