package io.omnihub.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.contracts.Golden;
import io.omnihub.contracts.catalog.PhotoAttached;
import io.omnihub.contracts.catalog.ProductUpserted;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.converter.ConversionException;
import tools.jackson.databind.json.JsonMapper;

class BatchRecordsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PRODUCT = "io.omnihub.catalog.product-upserted";

    @Test
    void bindsARecordToTheEventItsTypeNames() {
        Object event = BatchRecords.read(record(PRODUCT, Golden.bytes("catalog.products/product-upserted.json")),
                JSON, ProductUpserted.class, PhotoAttached.class);

        assertThat(event).isInstanceOf(ProductUpserted.class);
    }

    @Test
    void aRecordWithoutAKnownTypeCannotBeConverted() {
        assertThatThrownBy(() -> BatchRecords.read(record(null, new byte[] {'{', '}'}), JSON, ProductUpserted.class))
                .isInstanceOf(ConversionException.class).hasMessageContaining("without a known ce_type");
        assertThatThrownBy(() -> BatchRecords.read(record("io.omnihub.nothing", new byte[] {'{', '}'}), JSON,
                ProductUpserted.class)).isInstanceOf(ConversionException.class).hasMessageContaining("nothing");
    }

    @Test
    void aTypeTheTopicDoesNotCarryIsRefusedNamingWhatItCarries() {
        assertThatThrownBy(() -> BatchRecords.read(record("io.omnihub.catalog.category-imported",
                Golden.bytes("catalog.categories/category-imported.json")), JSON, ProductUpserted.class,
                PhotoAttached.class)).isInstanceOf(InvalidEventException.class)
                .hasMessage("catalog.products carries ProductUpserted and PhotoAttached, told apart by the ce_type "
                        + "header; this record's is 'io.omnihub.catalog.category-imported'");
    }

    @Test
    void aRecordWithoutValueOrWithInvalidJsonIsRefused() {
        assertThatThrownBy(() -> BatchRecords.read(record(PRODUCT, null), JSON, ProductUpserted.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("without a value");
        assertThatThrownBy(() -> BatchRecords.read(record(PRODUCT, "{\"reference\":".getBytes(
                StandardCharsets.UTF_8)), JSON, ProductUpserted.class)).isInstanceOf(ConversionException.class)
                .hasMessage("invalid ProductUpserted JSON");
    }

    @Test
    void aRefusalKeepsItsKindOutermostAndCarriesTheRecordsIndex() {
        ConsumerRecord<String, byte[]> record = record(PRODUCT, null);

        RuntimeException invalid = BatchRecords.unreadableAt(7, record, new InvalidEventException("no value"));
        RuntimeException unconvertible = BatchRecords.unreadableAt(3, record,
                new ConversionException("bad", record, null));

        assertThat(invalid).isInstanceOf(InvalidEventException.class).hasMessage("no value");
        assertThat(((BatchListenerFailedException) invalid.getCause()).getIndex()).isEqualTo(7);
        assertThat(unconvertible).isInstanceOf(ConversionException.class).hasMessage("bad");
        assertThat(((BatchListenerFailedException) unconvertible.getCause()).getIndex()).isEqualTo(3);
    }

    private static ConsumerRecord<String, byte[]> record(String type, byte[] value) {
        var record = new ConsumerRecord<>("catalog.products", 0, 0L, "1001", value);
        if (type != null) {
            record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
