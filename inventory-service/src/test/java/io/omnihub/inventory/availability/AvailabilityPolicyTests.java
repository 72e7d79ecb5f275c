package io.omnihub.inventory.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvailabilityPolicyTests {

    private static final String EAN = "7891000000007";
    private static final String OTHER_EAN = "7891000007914";

    // global 1; store LJ002 keeps 3, store LJ003 keeps 0; the EAN keeps 5 wherever it is
    private final AvailabilityPolicy policy = new AvailabilityPolicy(1, Map.of("LJ002", 3L, "LJ003", 0L),
            Map.of(EAN, 5L));

    @ParameterizedTest(name = "{0} {1} keeps {2}")
    @CsvSource({
            "LJ001, 7891000007914, 1",  // no store nor EAN figure: global
            "LJ002, 7891000007914, 3",  // the store's figure beats the global one
            "LJ003, 7891000007914, 0",  // a store's zero is a figure too, not "unset"
            "LJ001, 7891000000007, 5",  // the EAN's figure beats the global one
            "LJ002, 7891000000007, 5",  // and the store's
            "LJ003, 7891000000007, 5",  // even a store's zero
            "LJ999, 7891000000007, 5"})
    void theMostSpecificSafetyStockWins(String storeId, String ean, long expected) {
        assertThat(policy.safetyStock(storeId, ean)).isEqualTo(expected);
    }

    @Test
    void withoutConfigurationNothingIsKeptBack() {
        AvailabilityPolicy none = AvailabilityPolicy.withoutSafetyStock();

        assertThat(none.safetyStock("LJ001", EAN)).isZero();
        assertThat(none.available("LJ001", EAN, 7, 0, 0)).isEqualTo(7);
    }

    @Test
    void nullMapsMeanNoStoreOrEanFigures() {
        AvailabilityPolicy globalOnly = new AvailabilityPolicy(2, null, null);

        assertThat(globalOnly.safetyStock("LJ001", EAN)).isEqualTo(2);
    }

    @ParameterizedTest(name = "onHand {0} consumed {1} reserved {2} at {3} -> {4}")
    @CsvSource({
            "10, 0, 0, LJ001, 9",   // 10 - global 1
            "10, 2, 0, LJ001, 7",   // units consumed after the as-of are not on the shelf any more
            "10, 0, 4, LJ001, 5",   // reserved units are promised already
            "10, 2, 4, LJ002, 1",   // every term at once: 10 - 2 - 4 - 3
            "10, 2, 4, LJ003, 4",   // 10 - 2 - 4 - 0
            "3, 0, 0, LJ002, 0",    // exactly the safety stock: nothing to promise
            "2, 0, 0, LJ002, 0",    // below it: zero, never negative
            "5, 4, 4, LJ001, 0",    // oversold: zero, never negative
            "0, 0, 0, LJ003, 0"})
    void availableIsOnHandLessConsumedReservedAndSafetyStockNeverBelowZero(long onHand, long consumed,
            long reserved, String storeId, long expected) {
        assertThat(policy.available(storeId, OTHER_EAN, onHand, consumed, reserved)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "onHand {0} consumed {1} returned {2} reserved {3} -> {4}")
    @CsvSource({
            "10, 0, 2, 0, 11",  // returned units are on the shelf again: 10 + 2 - global 1
            "10, 3, 2, 0, 8",   // 10 - 3 + 2 - 1
            "0, 0, 2, 0, 1",    // a store zeroed by a snapshot sells what came back since
            "10, 2, 1, 9, 0",   // 10 - 2 + 1 - 9 - 1 < 0: zero, never negative
            "1, 0, 0, 0, 0"})
    void returnedUnitsAddToWhatMayBePromised(long onHand, long consumed, long returned, long reserved,
            long expected) {
        assertThat(policy.available("LJ001", OTHER_EAN, onHand, consumed, returned, reserved)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "available {0}, hold {1} -> {2}")
    @CsvSource({"5, 5, true", "5, 4, true", "5, 6, false", "0, 1, false", "1, 1, true"})
    void aHoldMayTakeAtMostWhatIsAvailable(long available, long quantity, boolean allowed) {
        assertThat(policy.canHold(available, quantity)).isEqualTo(allowed);
    }

    @Test
    void aHoldOfNothingOrOfANegativeQuantityIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> policy.canHold(5, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> policy.canHold(5, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> policy.canHold(-1, 1));
    }

    @Test
    void theEansSafetyStockIsTheOneSubtracted() {
        assertThat(policy.available("LJ003", EAN, 12, 1, 1)).isEqualTo(5);
    }

    @Test
    void refusesNegativeSafetyStock() {
        Map<String, Long> negative = new HashMap<>();
        negative.put("LJ001", -1L);

        assertThatIllegalArgumentException().isThrownBy(() -> new AvailabilityPolicy(-1, Map.of(), Map.of()))
                .withMessageContaining("global");
        assertThatIllegalArgumentException().isThrownBy(() -> new AvailabilityPolicy(0, negative, Map.of()))
                .withMessageContaining("LJ001");
        assertThatIllegalArgumentException().isThrownBy(() -> new AvailabilityPolicy(0, Map.of(), Map.of(EAN, -2L)))
                .withMessageContaining(EAN);
    }

    @Test
    void refusesNegativeFigures() {
        assertThatIllegalArgumentException().isThrownBy(() -> policy.available("LJ001", EAN, -1, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> policy.available("LJ001", EAN, 1, -1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> policy.available("LJ001", EAN, 1, 0, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> policy.available("LJ001", EAN, 1, 0, -1, 0));
    }

    @Test
    void laterChangesToTheGivenMapsDoNotChangeThePolicy() {
        Map<String, Long> stores = new HashMap<>(Map.of("LJ001", 2L));
        AvailabilityPolicy copied = new AvailabilityPolicy(0, stores, Map.of());

        stores.put("LJ001", 9L);

        assertThat(copied.safetyStock("LJ001", EAN)).isEqualTo(2);
    }
}
