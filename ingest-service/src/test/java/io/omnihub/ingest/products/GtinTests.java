package io.omnihub.ingest.products;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GtinTests {

    @ParameterizedTest
    @ValueSource(strings = {"7891000000007", "7891000007914", "96385074", "036000291452", "10012345678902"})
    void acceptsValidGtin8To14(String code) {
        assertThat(Gtin.problem(code)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"7891000000008, invalid EAN check digit (expected 7)", "789100000000, invalid EAN check digit",
            "78910000, invalid EAN check digit", "789100000000712, must have 8, 12, 13 or 14 digits",
            "7891000-00007, digits only", "7.89100E+12, digits only"})
    void rejectsWithTheReason(String code, String reason) {
        assertThat(Gtin.problem(code)).contains(reason);
    }
}
