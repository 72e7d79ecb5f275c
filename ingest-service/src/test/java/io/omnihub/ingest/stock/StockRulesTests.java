package io.omnihub.ingest.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.ingest.imports.RowError;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StockRulesTests {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final Instant UPLOADED = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void aValidRowTakesTheFilesTimeWhenItHasNoneOfItsOwn() {
        var row = StockRules.check(2, values("7891000000007", "LJ001", "12", ""), UPLOADED, SAO_PAULO).row();

        assertThat(row).isEqualTo(new StockRules.Row("LJ001", "7891000000007", 12, UPLOADED));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2026-11-28T14:30:00-03:00|2026-11-28T17:30:00Z",
            "2026-11-28T17:30:00Z|2026-11-28T17:30:00Z", "28/11/2026 14:30|2026-11-28T17:30:00Z",
            "28/11/2026|2026-11-28T03:00:00Z", "2026-11-28T14:30:00|2026-11-28T17:30:00Z",
            "46354.604166666664|2026-11-28T17:30:00Z"})
    void readsTheAsOfTimeAsErpsWriteIt(String text, String expected) {
        assertThat(StockRules.time(text, SAO_PAULO)).contains(Instant.parse(expected));
    }

    @Test
    void reportsEveryBrokenRule() {
        List<RowError> errors = StockRules.check(3, values("7891000000008", "LJ 001", "-2", "ontem"), UPLOADED,
                SAO_PAULO).errors();

        assertThat(errors).extracting(RowError::column).containsExactly("ean", "store", "quantity", "as_of");
        assertThat(errors).extracting(RowError::reason).contains("negative quantity: the ERP reports units on hand");
    }

    @Test
    void quantitiesAreWholeUnits() {
        assertThat(StockRules.check(2, values("7891000000007", "LJ001", "5.0", ""), UPLOADED, SAO_PAULO).row()
                .quantity()).isEqualTo(5);
        assertThat(StockRules.check(2, values("7891000000007", "LJ001", "5,5", ""), UPLOADED, SAO_PAULO).errors())
                .extracting(RowError::reason).containsExactly("not a whole number of units");
        assertThat(StockRules.check(2, values("7891000000007", "LJ001", "", ""), UPLOADED, SAO_PAULO).errors())
                .extracting(RowError::reason).containsExactly("quantity is required");
    }

    private static Map<StockField, String> values(String ean, String store, String quantity, String asOf) {
        Map<StockField, String> values = new EnumMap<>(StockField.class);
        values.put(StockField.EAN, ean);
        values.put(StockField.STORE, store);
        values.put(StockField.QUANTITY, quantity);
        values.put(StockField.AS_OF, asOf);
        return values;
    }
}
