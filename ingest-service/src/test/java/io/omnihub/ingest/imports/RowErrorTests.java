package io.omnihub.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowErrorTests {

    @Test
    void aValueOfMegabytesIsClippedSoTheJobAndTheReportStayWritable() {
        var error = new RowError(2, "n".repeat(5_000), "x".repeat(1_000_000), "longer than 300 characters");

        assertThat(error.value()).hasSize(RowError.MAX_VALUE + 1).endsWith("…");
        assertThat(error.column()).hasSize(RowError.MAX_VALUE + 1);
        assertThat(error.reason()).isEqualTo("longer than 300 characters");
    }

    @Test
    void clippingNeverSplitsASurrogatePair() {
        String value = "a".repeat(RowError.MAX_VALUE - 1) + "😀" + "b";

        assertThat(RowError.clip(value)).isEqualTo("a".repeat(RowError.MAX_VALUE - 1) + "…");
    }

    @Test
    void shortValuesAndNullsStayAsTheyAre() {
        assertThat(new RowError(1, "ean", "123", "r").value()).isEqualTo("123");
        assertThat(new RowError(1, "ean", null, "r").value()).isNull();
    }
}
