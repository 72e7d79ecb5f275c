package io.omnihub.ingest.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"129.90|129.90", "129,90|129.90", "1.299,90|1299.90", "1,299.90|1299.90",
            "R$ 129,90|129.90", "333.14|333.14", "0,5|0.5", "1.234.567,89|1234567.89", "42|42", "1299.9|1299.9"})
    void readsMoneyAsErpsWriteIt(String text, String expected) {
        assertThat(Decimals.parse(text)).contains(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12a", "", "1,2,3,4.5.6x", "--1"})
    void refusesWhatIsNotANumber(String text) {
        assertThat(Decimals.parse(text)).isEmpty();
    }
}
