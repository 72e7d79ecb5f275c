package io.omnihub.coupon.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CouponCodeTests {

    private final CouponCode codes = new CouponCode();

    @Test
    void aCodeIsThreeGroupsOfFourSymbolsOfTheAlphabet() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(codes.next()).matches("[" + CouponCode.ALPHABET + "]{4}(-[" + CouponCode.ALPHABET + "]{4}){2}");
        }
    }

    @Test
    void theAlphabetHasNoLookAlikesAndThirtyTwoSymbols() {
        assertThat(CouponCode.ALPHABET).doesNotContain("0", "O", "1", "I").hasSize(32);
        assertThat(CouponCode.ALPHABET.chars().distinct().count()).isEqualTo(32);
    }

    @Test
    void aCodeCarriesAtLeastSixtyRandomBits() {
        double bits = CouponCode.SYMBOLS * (Math.log(CouponCode.ALPHABET.length()) / Math.log(2));

        assertThat(bits).isGreaterThanOrEqualTo(60);
        assertThat(CouponCode.BITS).isEqualTo((int) bits);
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(codes.next())).isTrue();
        }
    }

    @Test
    void everySymbolIsDrawn() {
        Set<Character> drawn = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            codes.next().chars().filter(c -> c != '-').forEach(c -> drawn.add((char) c));
        }
        assertThat(drawn).hasSize(32);
    }

    @Test
    void theSameRandomGivesTheSameCode() {
        assertThat(new CouponCode(new Random(7)).next()).isEqualTo(new CouponCode(new Random(7)).next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"K7QM-4XPD-92HT", "k7qm-4xpd-92ht", "K7QM4XPD92HT", " k7qm 4xpd 92ht "})
    void aTypedCodeIsReadInAnyCaseWithOrWithoutDashes(String typed) {
        assertThat(CouponCode.normalize(typed)).contains("K7QM-4XPD-92HT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K7QM-4XPD-92H", "K7QM-4XPD-92HTX", "K7QM-4XPD-92H0", "K7QM-4XPD-92HO",
            "K7QM-4XPD-92H1", "K7QM-4XPD-92HI", "K7QM-4XPD-92H!"})
    void whatCannotBeACodeIsRefused(String typed) {
        assertThat(CouponCode.normalize(typed)).isEmpty();
    }
}
