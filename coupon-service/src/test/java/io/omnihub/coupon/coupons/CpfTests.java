package io.omnihub.coupon.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CpfTests {

    @ParameterizedTest
    @ValueSource(strings = {"52998224725", "529.982.247-25", " 52998224725 "})
    void acceptsAValidCpfBareOrFormattedAndStoresItsDigits(String typed) {
        assertThat(Cpf.normalize(typed)).contains("52998224725");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11144477735", "111.444.777-35", "00000000191"})
    void acceptsOtherValidCpfs(String typed) {
        assertThat(Cpf.normalize(typed)).contains(typed.replaceAll("\\D", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"52998224724", "52998224715", "529.982.247-52", "11144477736"})
    void refusesWrongCheckDigits(String typed) {
        assertThat(Cpf.normalize(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5299822472", "529982247250", "5299822472a", "529-982-247.25", "529.982.24725",
            "11.444.777/0001-61"})
    void refusesWhatIsNotElevenDigits(String typed) {
        assertThat(Cpf.normalize(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000000", "11111111111", "99999999999"})
    void refusesRepeatedDigitsThoughTheirArithmeticPasses(String typed) {
        assertThat(Cpf.normalize(typed)).isEmpty();
    }

    @Test
    void refusesNothing() {
        assertThat(Cpf.normalize(null)).isEmpty();
    }
}
