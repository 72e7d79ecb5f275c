package io.omnihub.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

class StockDocumentTests {

    private static final Instant T = Instant.parse("2026-11-29T06:00:00.123456789Z");

    private MappingMongoConverter converter;

    @BeforeEach
    void mapping() {
        // configured as MongoTemplate configures its own
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
    }

    @Test
    void aPairWithEveryFieldIsWrittenAsTheMappingWritesItLessTypeHintAndDigestPlusToken() {
        StockLevel level = full();

        Document written = StockDocument.of(level, "token-1");

        assertThat(written).isEqualTo(mapped(level, "token-1"));
        assertThat(written.keySet()).contains("source", "consumptions", "restocks", "holds", "snapshots",
                "snapshotRows", "drift", "commands", "asOf", "updatedAt", "correlationId");
    }

    @Test
    void aPairWithNullFieldsAndEmptyListsLeavesThemOut() {
        StockLevel level = StockLevel.absent("LJ001", "4006381333931").withRevision(1);

        Document written = StockDocument.of(level, "token-2");

        assertThat(written).isEqualTo(mapped(level, "token-2"));
        assertThat(written.keySet()).doesNotContain("asOf", "source", "holds", "drift", "correlationId", "digest");
    }

    @Test
    void nestedValuesWithNullFieldsLeaveThoseFieldsOutAsTheMappingDoes() {
        StockLevel full = full();
        StockLevel level = new StockLevel(full.id(), full.storeId(), full.ean(), 3, T, null,
                new StockLevel.Source(null, 0), List.of(new Consumption("f-1", 1, null)),
                List.of(new StockLevel.Restock(null, 2, T)), List.of(new StockLevel.Hold("f-2", 1, null)), 1, 0, 2,
                4, List.of(), List.of(), new StockLevel.Drift(null, 1, 2), List.of(new StockLevel.AppliedCommand(null,
                        1)), null, 2, null, null);

        assertThat(StockDocument.of(level, "token-3")).isEqualTo(mapped(level, "token-3"));
    }

    @Test
    void theMappingReadsTheDocumentBackAsTheSameStateToTheMillisecond() {
        StockLevel level = full();
        Document written = StockDocument.of(level, "token-4");
        written.put("digest", level.digest());

        StockLevel read = converter.read(StockLevel.class, written);

        assertThat(read).isEqualTo(mapped(level));
        assertThat(read.isWhole()).isTrue();
    }

    @Test
    void aStoredDocumentIsReadAsTheMappingReadsIt() {
        StockLevel full = full();
        for (StockLevel level : List.of(full, StockLevel.absent("LJ001", "4006381333931").withRevision(1),
                new StockLevel(full.id(), full.storeId(), full.ean(), 3, T, null, new StockLevel.Source(null, 0),
                        List.of(new Consumption("f-1", 1, null)), List.of(), List.of(), 0, 0, 2, 4, List.of(),
                        List.of(), new StockLevel.Drift(null, 1, 2), List.of(), null, 2, null, null))) {
            Document stored = StockDocument.of(level, "token-5");
            stored.put("digest", level.digest());

            assertThat(StockDocument.level(stored)).isEqualTo(converter.read(StockLevel.class, stored));
        }
    }

    @Test
    void aDocumentOfAnEarlierVersionWithIntegersAndFieldsSinceDroppedIsReadAsTheMappingReadsIt() {
        Document legacy = mapped(full(), "token-6");
        legacy.put("_class", "io.omnihub.inventory.stock.StockLevel");
        legacy.put("pending", true);
        legacy.put("onHand", 12);
        legacy.put("digest", full().digest());
        legacy.get("drift", Document.class).put("expected", 11);

        StockLevel read = StockDocument.level(legacy);

        assertThat(read).isEqualTo(converter.read(StockLevel.class, legacy));
        assertThat(read.onHand()).isEqualTo(12);
        assertThat(read.drift().expected()).isEqualTo(11);
    }

    /** The document Spring Data's mapping writes, as the store wrote it before the document was built by hand. */
    private Document mapped(StockLevel level, String token) {
        Document document = new Document();
        converter.write(level, document);
        document.remove("_class");
        document.remove("digest");
        document.entrySet().removeIf(field -> field.getValue() instanceof List<?> list && list.isEmpty());
        document.put(StockStore.TOKEN, token);
        return document;
    }

    /** The level as the mapping reads it back from what it wrote (instants to the millisecond). */
    private StockLevel mapped(StockLevel level) {
        Document document = new Document();
        converter.write(level, document);
        return converter.read(StockLevel.class, document);
    }

    private static StockLevel full() {
        return full(full(null).contentDigest());
    }

    private static StockLevel full(String digest) {
        return new StockLevel("LJ001:4006381333931", "LJ001", "4006381333931", 12, T,
                new ReportSequence(T, T.plusSeconds(5), 42).key(), new StockLevel.Source("import-1", 42),
                List.of(new Consumption("f-1", 2, T.plusSeconds(60))),
                List.of(new StockLevel.Restock("r-1", 1, T.plusSeconds(90))),
                List.of(new StockLevel.Hold("f-2", 3, T.plusSeconds(30)), new StockLevel.Hold("f-3", 1, T)), 4, 2, 5,
                7, List.of("snap-1", "snap-2"), List.of(new StockLevel.SnapshotRows("snap-2", List.of(42L, 43L))),
                new StockLevel.Drift("snap-2", 11, 12), List.of(new StockLevel.AppliedCommand("c-1", 3)), digest, 9,
                T.plusSeconds(120), "correlation-1");
    }
}
