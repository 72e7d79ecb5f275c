package io.omnihub.platform.kafka;

import io.omnihub.contracts.EventTypes;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.ConversionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a record's JSON to the listener's parameter type; where the listener accepts several event types
 * (a class-level {@code @KafkaListener} with one {@code @KafkaHandler} per type), the {@code ce_type} header
 * chooses the class. A record whose type the listener cannot take is refused (and dead-lettered) rather than
 * bound field by field into the wrong record; a type no contract of this build knows reaches such a listener as
 * {@link UnknownEvent}, for its default handler to skip (tolerant reader).
 */
class CloudEventMessageConverter extends ByteArrayJacksonJsonMessageConverter {

    private final JsonMapper json;

    CloudEventMessageConverter(JsonMapper json) {
        super(json);
        this.json = json;
    }

    @Override
    protected Object extractAndConvertValue(ConsumerRecord<?, ?> record, Type type) {
        Optional<Class<? extends Record>> declared = declaredType(record);
        boolean severalTypes = type == null || type == Object.class;
        String typeName = typeName(record);
        if (declared.isEmpty() && severalTypes && typeName != null && record.value() instanceof byte[] bytes) {
            return new UnknownEvent(typeName, bytes);
        }
        if (declared.isEmpty() && severalTypes && record.value() != null) {
            throw new ConversionException("a record without a known ce_type reached a listener of several event "
                    + "types", record, null);
        }
        if (declared.isEmpty() || !(record.value() instanceof byte[] bytes)) {
            return super.extractAndConvertValue(record, type);
        }
        if (severalTypes) {
            return read(bytes, declared.get());
        }
        if (type instanceof Class<?> wanted && wanted.isRecord() && !wanted.isAssignableFrom(declared.get())) {
            throw new ConversionException("a " + declared.get().getSimpleName() + " event reached a listener of "
                    + wanted.getSimpleName(), record, null);
        }
        return super.extractAndConvertValue(record, type);
    }

    private Object read(byte[] bytes, Class<?> type) {
        try {
            return json.readValue(bytes, type);
        } catch (RuntimeException e) {
            throw new ConversionException("invalid " + type.getSimpleName() + " JSON", e);
        }
    }

    private static Optional<Class<? extends Record>> declaredType(ConsumerRecord<?, ?> record) {
        String type = typeName(record);
        return type == null ? Optional.empty() : EventTypes.classOf(type);
    }

    private static String typeName(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
