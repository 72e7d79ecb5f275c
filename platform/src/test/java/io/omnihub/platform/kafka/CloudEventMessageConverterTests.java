package io.omnihub.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.contracts.Golden;
import io.omnihub.contracts.orders.OrderReceived;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.converter.ConversionException;
import tools.jackson.databind.json.JsonMapper;

class CloudEventMessageConverterTests {

    private final CloudEventMessageConverter converter = new CloudEventMessageConverter(JsonMapper.builder().build());

    @Test
    void bindsAKnownTypeForAListenerOfSeveralTypes() {
        var record = record("io.omnihub.orders.order-received", Golden.bytes("orders.lifecycle/order-received.json"));

        assertThat(converter.extractAndConvertValue(record, Object.class)).isInstanceOf(OrderReceived.class);
    }

    @Test
    void handsATypeNoContractKnowsOverAsUnknownEvent() {
        var record = record("io.omnihub.orders.something-newer", "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(converter.extractAndConvertValue(record, Object.class))
                .isInstanceOfSatisfying(UnknownEvent.class,
                        unknown -> assertThat(unknown.type()).isEqualTo("io.omnihub.orders.something-newer"));
    }

    @Test
    void refusesARecordWithoutTypeForAListenerOfSeveralTypes() {
        var record = new ConsumerRecord<String, Object>("orders.lifecycle", 0, 0, "o-1", "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> converter.extractAndConvertValue(record, Object.class))
                .isInstanceOf(ConversionException.class);
    }

    private static ConsumerRecord<String, Object> record(String type, byte[] value) {
        var record = new ConsumerRecord<String, Object>("orders.lifecycle", 0, 0, "o-1", value);
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
