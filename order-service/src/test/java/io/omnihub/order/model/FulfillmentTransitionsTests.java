package io.omnihub.order.model;

import static io.omnihub.contracts.orders.FulfillmentStatus.ACCEPTED;
import static io.omnihub.contracts.orders.FulfillmentStatus.ASSIGNED;
import static io.omnihub.contracts.orders.FulfillmentStatus.CANCELLED;
import static io.omnihub.contracts.orders.FulfillmentStatus.CREATED;
import static io.omnihub.contracts.orders.FulfillmentStatus.DELIVERED;
import static io.omnihub.contracts.orders.FulfillmentStatus.IN_TRANSIT;
import static io.omnihub.contracts.orders.FulfillmentStatus.READY_FOR_PICKUP;
import static io.omnihub.contracts.orders.FulfillmentStatus.REJECTED;
import static io.omnihub.contracts.orders.FulfillmentStatus.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.order.model.FulfillmentTransitions.StockEffect;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of statuses, against the table as the design and the brief describe it. */
class FulfillmentTransitionsTests {

    private static final Map<FulfillmentStatus, Set<FulfillmentStatus>> EXPECTED = Map.of(
            CREATED, EnumSet.of(ASSIGNED, CANCELLED),
            ASSIGNED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED),
            ACCEPTED, EnumSet.of(IN_TRANSIT, READY_FOR_PICKUP, DELIVERED, CANCELLED),
            READY_FOR_PICKUP, EnumSet.of(DELIVERED, CANCELLED),
            IN_TRANSIT, EnumSet.of(DELIVERED, RETURNED),
            DELIVERED, EnumSet.of(RETURNED),
            RETURNED, EnumSet.noneOf(FulfillmentStatus.class),
            CANCELLED, EnumSet.noneOf(FulfillmentStatus.class),
            REJECTED, EnumSet.noneOf(FulfillmentStatus.class));

    @Test
    void everyPairIsAllowedExactlyAsTheTableSays() {
        for (FulfillmentStatus from : FulfillmentStatus.values()) {
            for (FulfillmentStatus to : FulfillmentStatus.values()) {
                assertThat(FulfillmentTransitions.allowed(from, to)).as(from + " -> " + to)
                        .isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    @Test
    void theStatusEndpointCannotAssignAcceptOrReject() {
        assertThat(FulfillmentTransitions.requestable(ASSIGNED)).containsExactly(CANCELLED);
        assertThat(FulfillmentTransitions.requestable(ACCEPTED))
                .containsExactlyInAnyOrder(IN_TRANSIT, READY_FOR_PICKUP, DELIVERED, CANCELLED);
        assertThat(FulfillmentTransitions.requestable(CREATED)).containsExactly(CANCELLED);
        assertThat(FulfillmentTransitions.requestable(REJECTED)).isEmpty();
    }

    @Test
    void leavingTheShelfConsumesOnceAndCancellingReleases() {
        assertThat(FulfillmentTransitions.effect(ACCEPTED, IN_TRANSIT)).isEqualTo(StockEffect.CONSUME);
        assertThat(FulfillmentTransitions.effect(ACCEPTED, DELIVERED)).isEqualTo(StockEffect.CONSUME);
        assertThat(FulfillmentTransitions.effect(READY_FOR_PICKUP, DELIVERED)).isEqualTo(StockEffect.CONSUME);
        assertThat(FulfillmentTransitions.effect(IN_TRANSIT, DELIVERED)).isEqualTo(StockEffect.NONE);
        assertThat(FulfillmentTransitions.effect(ACCEPTED, READY_FOR_PICKUP)).isEqualTo(StockEffect.NONE);
        assertThat(FulfillmentTransitions.effect(ASSIGNED, ACCEPTED)).isEqualTo(StockEffect.NONE);
        assertThat(FulfillmentTransitions.effect(ASSIGNED, CANCELLED)).isEqualTo(StockEffect.RELEASE);
        assertThat(FulfillmentTransitions.effect(ACCEPTED, CANCELLED)).isEqualTo(StockEffect.RELEASE);
        assertThat(FulfillmentTransitions.effect(READY_FOR_PICKUP, CANCELLED)).isEqualTo(StockEffect.RELEASE);
        assertThat(FulfillmentTransitions.effect(ASSIGNED, REJECTED)).isEqualTo(StockEffect.RELEASE);
        assertThat(FulfillmentTransitions.effect(DELIVERED, RETURNED)).isEqualTo(StockEffect.RESTOCK);
        assertThat(FulfillmentTransitions.effect(IN_TRANSIT, RETURNED)).isEqualTo(StockEffect.RESTOCK);
    }

    @Test
    void aMoveOutsideTheTableHasNoEffect() {
        assertThatThrownBy(() -> FulfillmentTransitions.effect(DELIVERED, ACCEPTED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
