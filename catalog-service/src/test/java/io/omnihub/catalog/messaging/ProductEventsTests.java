package io.omnihub.catalog.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.contracts.Golden;
import io.omnihub.contracts.catalog.PhotoAttached;
import io.omnihub.contracts.catalog.ProductUpserted;
import io.omnihub.platform.kafka.InvalidEventException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ProductEventsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void mapsTheProducersGoldenEventFieldByField() {
        var event = json.readValue(Golden.bytes("catalog.products/product-upserted.json"), ProductUpserted.class);

        var update = ProductEvents.toUpdate(event);

        assertThat(update.reference()).isEqualTo("1001");
        assertThat(update.ean()).isEqualTo("7891000000007");
        assertThat(update.name()).isEqualTo("Camiseta Aurora Azul");
        assertThat(update.brand()).isEqualTo("Aurora");
        assertThat(update.categoryPath()).containsExactly("Roupas", "Camisetas");
        assertThat(update.price()).isEqualByComparingTo("333.14");
        assertThat(update.discountedPrice()).isEqualByComparingTo("299.9");
        assertThat(update.photoUrls()).containsExactly("https://cdn.example-loja.com.br/img/1001-1.jpg");
        assertThat(update.active()).isTrue();
        assertThat(update.attributes()).containsExactly(Map.entry("Material", "Algodão"));
        assertThat(update.importId()).isEqualTo("imp-01JDZ3Q8W6");
        assertThat(update.row()).isEqualTo(2);
        assertThat(update.receivedAt()).isEqualTo(Instant.parse("2026-11-29T10:15:00Z"));
    }

    @Test
    void readsCategoryPathsAsTheCategoryImportDoes() {
        assertThat(ProductEvents.categoryPath("Roupas > Camisetas")).containsExactly("Roupas", "Camisetas");
        assertThat(ProductEvents.categoryPath("  Casa>Banho   e  Cozinha ")).containsExactly("Casa", "Banho e Cozinha");
        assertThat(ProductEvents.categoryPath("Casa > > Banho >")).containsExactly("Casa", "Banho");
        assertThat(ProductEvents.categoryPath(null)).isEmpty();
        assertThat(ProductEvents.categoryPath("  ")).isEmpty();
    }

    @Test
    void anEventWithoutReferenceOrReceiptTimeIsInvalid() {
        assertThatThrownBy(() -> ProductEvents.toUpdate(event(" ", Instant.EPOCH)))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> ProductEvents.toUpdate(event("1001", null)))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void mapsTheProducersGoldenPhotoEventFieldByField() {
        var event = json.readValue(Golden.bytes("catalog.products/photo-attached.json"), PhotoAttached.class);

        var photo = ProductEvents.toPhoto(event);

        assertThat(photo.reference()).isEqualTo("1001");
        assertThat(photo.sequence()).isEqualTo(2);
        assertThat(photo.contentType()).isEqualTo("image/png");
        assertThat(photo.size()).isEqualTo(178);
        assertThat(photo.bucket()).isEqualTo("omnihub-archive");
        assertThat(photo.key()).isEqualTo("imp-01JDZ3Q8W7/photos/1001 2.png");
        assertThat(photo.importId()).isEqualTo("imp-01JDZ3Q8W7");
        assertThat(photo.receivedAt()).isEqualTo(Instant.parse("2026-11-29T10:16:00Z"));
    }

    @Test
    void aPhotoOutsideTheArchiveIsInvalidSoThatTheApiNeverServesOtherBuckets() {
        assertThatThrownBy(() -> ProductEvents.toPhoto(photo("1001", 1, "image/png", "omnihub-inbox", Instant.EPOCH)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("omnihub-archive");
        assertThatThrownBy(() -> ProductEvents.toPhoto(photo("1001", 1, "image/png", null, Instant.EPOCH)))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aPhotoWithoutReferenceSequenceImageTypeOrReceiptTimeIsInvalid() {
        assertThatThrownBy(() -> ProductEvents.toPhoto(photo(" ", 1, "image/png", "omnihub-archive", Instant.EPOCH)))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> ProductEvents.toPhoto(photo("1001", 0, "image/png", "omnihub-archive", Instant.EPOCH)))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> ProductEvents.toPhoto(photo("1001", 1, "text/html", "omnihub-archive", Instant.EPOCH)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("text/html");
        assertThatThrownBy(() -> ProductEvents.toPhoto(photo("1001", 1, "image/png", "omnihub-archive", null)))
                .isInstanceOf(InvalidEventException.class);
    }

    private static PhotoAttached photo(String reference, int sequence, String contentType, String bucket,
            Instant receivedAt) {
        return new PhotoAttached(reference, sequence, contentType, 10, bucket, "imp/photos/x.png", "imp", receivedAt);
    }

    private static ProductUpserted event(String reference, Instant receivedAt) {
        return new ProductUpserted(reference, "7891000000007", "X", null, null, null, null, null, BigDecimal.TEN,
                BigDecimal.ONE, List.of(), true, Map.of(), "imp", 1, receivedAt);
    }
}
