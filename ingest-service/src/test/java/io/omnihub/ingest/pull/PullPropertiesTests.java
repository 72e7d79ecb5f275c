package io.omnihub.ingest.pull;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.ingest.imports.ImportKind;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PullPropertiesTests {

    @Test
    void aFullStockPullIsRefusedAtStartBecauseEachPageWouldBeTakenForTheWholeStock() {
        assertThatThrownBy(() -> integration(ImportKind.STOCK_FULL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STOCK_PARTIAL");
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
