package io.omnihub.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class FirstLoadPolicyTests {

    @Test
    void aBatchOfOnlyNewPairsMakesTheNextInsertFirst() {
        for (int pairs = 1; pairs <= 1_000; pairs++) {
            assertThat(FirstLoadPolicy.insertFirst(pairs, 0)).as("%d pairs, none stored", pairs).isTrue();
        }
    }

    @Test
    void aBatchOfOnlyStoredPairsMakesTheNextReadFirst() {
        for (int pairs = 0; pairs <= 1_000; pairs++) {
            assertThat(FirstLoadPolicy.insertFirst(pairs, pairs)).as("%d pairs, all stored", pairs).isFalse();
        }
    }

    @Test
    void insertingFirstTakesMoreNewPairsThanStoredOnes() {
        assertThat(FirstLoadPolicy.insertFirst(500, 249)).isTrue();
        assertThat(FirstLoadPolicy.insertFirst(500, 250)).isFalse();
        assertThat(FirstLoadPolicy.insertFirst(3, 1)).isTrue();
        assertThat(FirstLoadPolicy.insertFirst(2, 1)).isFalse();
        assertThat(FirstLoadPolicy.insertFirst(1, 1)).isFalse();
    }

    @Test
    void moreStoredPairsNeverTurnInsertingFirstOn() {
        for (int pairs = 0; pairs <= 200; pairs++) {
            boolean before = true;
            for (int found = 0; found <= pairs; found++) {
                boolean insertFirst = FirstLoadPolicy.insertFirst(pairs, found);
                assertThat(!insertFirst || before).as("%d of %d stored", found, pairs).isTrue();
                assertThat(insertFirst).as("%d of %d stored", found, pairs).isEqualTo(pairs - found > found);
                before = insertFirst;
            }
        }
    }

    @Test
    void anEmptyBatchReadsFirst() {
        assertThat(FirstLoadPolicy.insertFirst(0, 0)).isFalse();
    }

    @Test
    void refusesCountsThatCannotBe() {
        assertThatIllegalArgumentException().isThrownBy(() -> FirstLoadPolicy.insertFirst(5, 6));
        assertThatIllegalArgumentException().isThrownBy(() -> FirstLoadPolicy.insertFirst(-1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> FirstLoadPolicy.insertFirst(5, -1));
    }
}
