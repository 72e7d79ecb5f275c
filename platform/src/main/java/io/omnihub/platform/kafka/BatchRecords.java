package io.omnihub.platform.kafka;

import io.omnihub.contracts.EventTypes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.converter.ConversionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What batch listeners ({@link KafkaConventionsConfiguration#ACKS_PER_BATCH}) do that a record listener gets from
 * the platform's converter and error handler: bind a record to the event its {@code ce_type} names, and refuse
 * one record of a batch so that the records before it are committed, it goes to {@code -dlt} at once, and the
 * rest are delivered again.
 */
public final class BatchRecords {

    private BatchRecords() {
    }

    /**
     * The record's event. Without a {@code ce_type}, or with one the topic does not carry ({@code carried}), a
     * record has no type to be bound to: it is refused, saying so, rather than retried or read as another event.
     *
     * @throws ConversionException   no known type, or a value that is not that type's JSON
     * @throws InvalidEventException a type the topic does not carry, or no value
     */
    public static Object read(ConsumerRecord<String, byte[]> record, JsonMapper json, Class<?>... carried) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        String type = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        Class<?> eventClass = type == null ? null : EventTypes.classOf(type).orElse(null);
        if (eventClass == null) {
            throw new ConversionException("a record without a known ce_type reached a listener of several event "
                    + "types (" + CloudEventHeaders.TYPE + " '" + type + "')", record, null);
        }
        List<Class<?>> types = Arrays.asList(carried);
        if (!types.contains(eventClass)) {
            throw new InvalidEventException(record.topic() + " carries " + types.stream().map(Class::getSimpleName)
                    .collect(Collectors.joining(" and ")) + ", told apart by the " + CloudEventHeaders.TYPE
                    + " header; this record's is '" + type + "'");
        }
        if (record.value() == null) {
            throw new InvalidEventException("a " + eventClass.getSimpleName() + " record without a value");
        }
        try {
            return json.readValue(record.value(), eventClass);
        } catch (RuntimeException e) {
            throw new ConversionException("invalid " + eventClass.getSimpleName() + " JSON", record, e);
        }
    }

    /**
     * The refusal of the record at {@code index}, as the error handler needs it: it finds the index in the
     * {@link BatchListenerFailedException} anywhere among the causes, while the dead letter's headers name the
     * thrown exception's class and message. So the refusal stays outermost (and is not retried) and carries the
     * index as its cause, as a record listener's refusal would read.
     */
    public static RuntimeException unreadableAt(int index, ConsumerRecord<?, ?> record, RuntimeException unreadable) {
        var atIndex = new BatchListenerFailedException(unreadable.getMessage(), unreadable.getCause(), index);
        if (unreadable instanceof ConversionException) {
            return new ConversionException(unreadable.getMessage(), record, atIndex);
        }
        var refused = new InvalidEventException(unreadable.getMessage());
        refused.initCause(atIndex);
        return refused;
    }
}
