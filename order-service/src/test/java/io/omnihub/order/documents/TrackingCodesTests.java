package io.omnihub.order.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TrackingCodesTests {

    @Test
    void computesTheUpuS10CheckDigit() {
        // the UPU's own example, RA 47312482 9 GB: 4*8+7*6+3*4+1*2+2*3+4*5+8*9+2*7 = 200, 11 - 200 % 11 = 9
        assertThat(TrackingCodes.of(47_312_482)).isEqualTo("OMNI473124829");
    }

    @Test
    void writesZeroWhenTheRemainderGivesTen() {
        // 8*7 = 56, 56 % 11 = 1, 11 - 1 = 10 -> 0
        assertThat(TrackingCodes.of(8)).isEqualTo("OMNI000000080");
    }

    @Test
    void writesFiveWhenTheRemainderGivesEleven() {
        // sum 0, 11 - 0 = 11 -> 5
        assertThat(TrackingCodes.of(0)).isEqualTo("OMNI000000005");
    }

    @Test
    void acceptsEveryCodeItMakes() {
        Random random = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            String code = TrackingCodes.random(random);
            assertThat(TrackingCodes.isValid(code)).as(code).isTrue();
        }
    }

    @Test
    void catchesAnyMistypedDigit() {
        String code = TrackingCodes.of(47_312_482);
        for (int position = TrackingCodes.PREFIX.length(); position < code.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == code.charAt(position)) {
                    continue;
                }
                String typo = code.substring(0, position) + digit + code.substring(position + 1);
                assertThat(TrackingCodes.isValid(typo)).as(typo).isFalse();
            }
        }
    }

    @Test
    void refusesCodesOfAnotherShape() {
        assertThat(TrackingCodes.isValid(null)).isFalse();
        assertThat(TrackingCodes.isValid("RA473124829GB")).isFalse();
        assertThat(TrackingCodes.isValid("OMNI47312482")).isFalse();
        assertThat(TrackingCodes.isValid("OMNI4731248x9")).isFalse();
    }

    @Test
    void refusesSerialsBeyondEightDigits() {
        assertThatThrownBy(() -> TrackingCodes.of(100_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrackingCodes.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
