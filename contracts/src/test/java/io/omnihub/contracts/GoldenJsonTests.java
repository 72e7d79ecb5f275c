package io.omnihub.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.catalog.CategoryImported;
import io.omnihub.contracts.catalog.PhotoAttached;
import io.omnihub.contracts.catalog.ProductUpserted;
import io.omnihub.contracts.inventory.AvailabilityChanged;
import io.omnihub.contracts.inventory.StockLevelReported;
import io.omnihub.contracts.inventory.StockMode;
import io.omnihub.contracts.inventory.StockSnapshotCompleted;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import io.omnihub.contracts.storage.ObjectCreated;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GoldenJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void categoryImportedIsWrittenExactlyAsTheGoldenFile() {
        var event = new CategoryImported(List.of("Roupas", "Camisetas"), "imp-01JDZ3Q8W6", 3);

        JsonNode written = json.readTree(json.writeValueAsBytes(event));

        assertThat(written).isEqualTo(json.readTree(Golden.bytes("catalog.categories/category-imported.json")));
        assertThat(json.readValue(Golden.bytes("catalog.categories/category-imported.json"), CategoryImported.class))
                .isEqualTo(event);
    }

    @Test
    void productUpsertedIsWrittenExactlyAsTheGoldenFile() {
        var event = new ProductUpserted("1001", "7891000000007", "Camiseta Aurora Azul",
                "Peça 1 da coleção verão, confortável e durável", "Aurora", "Roupas > Camisetas", "Azul", "P",
                new BigDecimal("333.14"), new BigDecimal("299.9"),
                List.of("https://cdn.example-loja.com.br/img/1001-1.jpg"), true, Map.of("Material", "Algodão"),
                "imp-01JDZ3Q8W6", 2, Instant.parse("2026-11-29T10:15:00Z"));

        JsonNode written = json.readTree(json.writeValueAsBytes(event));

        assertThat(written).isEqualTo(json.readTree(Golden.bytes("catalog.products/product-upserted.json")));
        assertThat(json.readValue(Golden.bytes("catalog.products/product-upserted.json"), ProductUpserted.class))
                .isEqualTo(event);
    }

    @Test
    void photoAttachedIsWrittenExactlyAsTheGoldenFile() {
        var event = new PhotoAttached("1001", 2, "image/png", 178, "omnihub-archive", "imp-01JDZ3Q8W7/photos/1001 2.png",
                "imp-01JDZ3Q8W7", Instant.parse("2026-11-29T10:16:00Z"));

        assertThat(json.readTree(json.writeValueAsBytes(event)))
                .isEqualTo(json.readTree(Golden.bytes("catalog.products/photo-attached.json")));
        assertThat(json.readValue(Golden.bytes("catalog.products/photo-attached.json"), PhotoAttached.class))
                .isEqualTo(event);
    }

    @Test
    void everyEventTypeIsCataloguedOnceAndFoundByItsType() {
        assertThat(EventTypes.ALL).allSatisfy(event -> assertThat(EventTypes.classOf(EventTypes.typeOf(event)))
                .contains(event));
        assertThat(EventTypes.ALL.stream().map(EventTypes::typeOf)).doesNotHaveDuplicates()
                .allMatch(type -> type.startsWith("io.omnihub."));
    }

    @Test
    void stockEventsAreWrittenExactlyAsTheGoldenFiles() {
        var level = new StockLevelReported("LJ002", "7891000015834", 9, Instant.parse("2026-11-28T17:30:00Z"),
                StockMode.FULL, "imp-01JDZ3Q8W9", "imp-01JDZ3Q8W9", 4, Instant.parse("2026-11-28T17:31:02Z"));
        var completed = new StockSnapshotCompleted("imp-01JDZ3Q8W9", "imp-01JDZ3Q8W9", List.of("LJ001", "LJ002",
                "LJ003"), Instant.parse("2026-11-28T17:30:00Z"), 1, 3, 52);

        assertThat(json.readTree(json.writeValueAsBytes(level)))
                .isEqualTo(json.readTree(Golden.bytes("inventory.stock-updates/stock-level-reported.json")));
        assertThat(json.readTree(json.writeValueAsBytes(completed)))
                .isEqualTo(json.readTree(Golden.bytes("inventory.stock-updates/stock-snapshot-completed.json")));
        assertThat(json.readValue(Golden.bytes("inventory.stock-updates/stock-level-reported.json"),
                StockLevelReported.class)).isEqualTo(level);
        assertThat(json.readValue(Golden.bytes("inventory.stock-updates/stock-snapshot-completed.json"),
                StockSnapshotCompleted.class)).isEqualTo(completed);
    }

    @Test
    void availabilityChangedIsWrittenExactlyAsTheGoldenFile() {
        var event = new AvailabilityChanged("LJ002", "7891000015834", 7, 9, 2, Instant.parse("2026-11-28T17:30:00Z"), 4);

        assertThat(json.readTree(json.writeValueAsBytes(event)))
                .isEqualTo(json.readTree(Golden.bytes("inventory.availability/availability-changed.json")));
        assertThat(json.readValue(Golden.bytes("inventory.availability/availability-changed.json"),
                AvailabilityChanged.class)).isEqualTo(event);
    }

    @Test
    void categoryPathJoinsSegments() {
        assertThat(new CategoryImported(List.of("Roupas", "Camisetas"), "i", 1).path()).isEqualTo("Roupas > Camisetas");
    }

    @Test
    void minioNotificationGivesTheDecodedObjectKey() {
        ObjectCreated notification = json.readValue(Golden.bytes("storage.inbox-events/object-created.json"),
                ObjectCreated.class);

        assertThat(notification.records()).singleElement().satisfies(record -> {
            assertThat(record.bucket()).isEqualTo("omnihub-inbox");
            assertThat(record.key()).isEqualTo("photos/3266 2.jpg");
        });
    }
}
