package io.omnihub.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProductBatchesTests {

    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void keepsTheLaterRowOfTheSameImport() {
        var batch = List.of(update("A", "linha 5", MONDAY, 5), update("A", "linha 9", MONDAY, 9),
                update("A", "linha 7", MONDAY, 7));

        var newest = ProductBatches.newestByReference(batch);

        assertThat(newest).containsOnlyKeys("A");
        assertThat(newest.get("A").name()).isEqualTo("linha 9");
    }

    @Test
    void aLaterImportWinsOverAHigherRowOfAnEarlierOne() {
        var batch = List.of(update("A", "terça", TUESDAY, 1), update("A", "segunda", MONDAY, 900));

        assertThat(ProductBatches.newestByReference(batch).get("A").name()).isEqualTo("terça");
    }

    @Test
    void theOrderOfTheBatchDoesNotChangeTheWinners() {
        List<ProductUpdate> batch = new ArrayList<>();
        for (int row = 1; row <= 30; row++) {
            batch.add(update("R" + row % 3, "linha " + row, row % 2 == 0 ? TUESDAY : MONDAY, row));
        }
        var expected = ProductBatches.newestByReference(batch);

        for (int seed = 0; seed < 10; seed++) {
            List<ProductUpdate> shuffled = new ArrayList<>(batch);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(ProductBatches.newestByReference(shuffled)).isEqualTo(expected);
        }
        // the even rows came on Tuesday: each product's highest even row wins
        assertThat(expected.get("R0").name()).isEqualTo("linha 30");
        assertThat(expected.get("R1").name()).isEqualTo("linha 28");
        assertThat(expected.get("R2").name()).isEqualTo("linha 26");
    }

    @Test
    void anEmptyBatchHasNoWinners() {
        assertThat(ProductBatches.newestByReference(List.of())).isEmpty();
    }

    private static ProductUpdate update(String reference, String name, Instant receivedAt, long row) {
        return new ProductUpdate(reference, "7891000000007", name, null, null, List.of(), null, null,
                BigDecimal.TEN, BigDecimal.ONE, List.of(), true, Map.of(), "imp", row, receivedAt);
    }
}
