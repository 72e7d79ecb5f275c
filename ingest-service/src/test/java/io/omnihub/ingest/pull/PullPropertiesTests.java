package io.omnihub.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.ingest.imports.ImportKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullPropertiesTests {

    @Test
    void productsAndStockFullOrPartialArePulled() {
        for (ImportKind kind : List.of(ImportKind.PRODUCTS, ImportKind.STOCK_PARTIAL, ImportKind.STOCK_FULL)) {
            assertThat(integration(kind).kind()).isEqualTo(kind);
        }
    }

    @Test
    void categoriesAndPhotosAreNotPulled() {
        assertThatThrownBy(() -> integration(ImportKind.PHOTOS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> integration(ImportKind.CATEGORIES)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PullProperties.Integration integration(ImportKind kind) {
        return new PullProperties.Integration("erp", kind, URI.create("http://127.0.0.1:1/stock"), null, null, "",
                100, 1, "page", "size", Duration.ofSeconds(1), 1, Duration.ofMillis(10));
    }
}
