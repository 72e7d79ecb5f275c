package io.omnihub.order.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.orders.Address;
import io.omnihub.contracts.orders.ConsumeStock;
import io.omnihub.contracts.orders.Customer;
import io.omnihub.contracts.orders.FulfillmentAssigned;
import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.contracts.orders.FulfillmentStatusChanged;
import io.omnihub.contracts.orders.FulfillmentWithdrawn;
import io.omnihub.contracts.orders.Journey;
import io.omnihub.contracts.orders.MarkOutOfStock;
import io.omnihub.contracts.orders.OrderLinesUnfulfillable;
import io.omnihub.contracts.orders.OrderReceived;
import io.omnihub.contracts.orders.OrderRerouted;
import io.omnihub.contracts.orders.ReleaseStock;
import io.omnihub.contracts.orders.ReserveStock;
import io.omnihub.contracts.orders.RestockReturn;
import io.omnihub.contracts.orders.ReturnRecorded;
import io.omnihub.contracts.orders.StockLine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order's state machine, transition by transition, with the messages each one owes to Kafka. */
class OrderTests {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final String SHIRT = "7891000000007";
    private static final String SHOES = "7891000015834";

    private static Order received() {
        return Order.receive("ord-1", "site-1", "ECOM-1", "key", "channel", Journey.SHIP_FROM_STORE,
                new Customer("Ana", "52998224725", "ana@example.com"),
                new Address("Av. Paulista, 1000", "São Paulo", "SP", "01310-100", -23.5, -46.6), null,
                List.of(new OrderLine(SHIRT, "1001", "Camiseta", "Aurora", "Roupas", 2, new BigDecimal("333.14"), null),
                        new OrderLine(SHOES, "2001", "Tênis", "Passo", "Calçados", 1, new BigDecimal("99.90"), null)),
                "corr-intake", T0);
    }

    private static RoutingDecision decision(List<Allocation> allocations, List<StoreQuantity> unplaced) {
        return new RoutingDecision(T0, "INTAKE", "default", List.of(), allocations, unplaced, List.of("because"));
    }

    /** Received, routed to LJ001 (both lines), reservation confirmed. */
    private static Order assigned() {
        Order order = received();
        order.route(decision(List.of(new Allocation("LJ001", List.of(new StoreQuantity(SHIRT, 2),
                new StoreQuantity(SHOES, 1)))), List.of()), T0);
        order.reservationConfirmed("ful-1-1", T0.plus(Duration.ofHours(2)), false, T0);
        order.sent(order.outbox().stream().map(OutboxMessage::id).toList(), T0);
        return order;
    }

    private static <T> List<T> messages(Order order, Class<T> type) {
        return order.outbox().stream().map(OutboxMessage::event).filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aReceivedOrderWaitsForRoutingAndOwesOrderReceived() {
        Order order = received();

        assertThat(order.status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(order.routingDue()).isTrue();
        assertThat(order.toRoute()).containsExactly(new StoreQuantity(SHIRT, 2), new StoreQuantity(SHOES, 1));
        assertThat(order.outbox()).singleElement().satisfies(message -> {
            assertThat(message.topic()).isEqualTo(Topics.ORDERS_LIFECYCLE);
            assertThat(message.key()).isEqualTo("ord-1");
            assertThat(message.id()).isEqualTo("ord-1:received");
            assertThat(message.event()).isEqualTo(new OrderReceived("ord-1", "site-1", "ECOM-1",
                    Journey.SHIP_FROM_STORE, T0));
        });
    }

    @Test
    void routingMakesFulfillmentsThatAskForTheirStockAndDeclaresTheRestUnfulfillable() {
        Order order = received();

        List<String> created = order.route(decision(List.of(new Allocation("LJ001",
                List.of(new StoreQuantity(SHIRT, 2)))), List.of(new StoreQuantity(SHOES, 1))), T0);

        assertThat(created).containsExactly("ful-1-1");
        Fulfillment fulfillment = order.fulfillment("ful-1-1").orElseThrow();
        assertThat(fulfillment.status()).isEqualTo(FulfillmentStatus.CREATED);
        assertThat(fulfillment.reservation()).isEqualTo(ReservationState.PENDING);
        assertThat(messages(order, ReserveStock.class)).containsExactly(new ReserveStock("ful-1-1:reserve", "ord-1",
                "ful-1-1", "LJ001", List.of(new StockLine(SHIRT, 2)), T0));
        assertThat(messages(order, OrderLinesUnfulfillable.class)).singleElement()
                .satisfies(event -> assertThat(event.lines()).containsExactly(new StockLine(SHOES, 1)));
        assertThat(order.line(SHOES).orElseThrow().unfulfillable()).isEqualTo(1);
        assertThat(order.toRoute()).isEmpty();
        assertThat(order.routingDue()).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.ROUTING);
        assertThat(order.decisions()).hasSize(1);
    }

    @Test
    void aConfirmedReservationOffersTheFulfillmentOnTheStoresKeyOnce() {
        Order order = received();
        order.route(decision(List.of(new Allocation("LJ001", List.of(new StoreQuantity(SHIRT, 2)))), List.of()), T0);
        Instant deadline = T0.plus(Duration.ofHours(2));

        boolean first = order.reservationConfirmed("ful-1-1", deadline, true, T0);
        boolean again = order.reservationConfirmed("ful-1-1", deadline, true, T0);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        Fulfillment fulfillment = order.fulfillment("ful-1-1").orElseThrow();
        assertThat(fulfillment.status()).isEqualTo(FulfillmentStatus.ASSIGNED);
        assertThat(fulfillment.acceptBy()).isEqualTo(deadline);
        assertThat(fulfillment.erpPush().state()).isEqualTo(ErpPush.State.PENDING);
        OutboxMessage offer = order.outbox().stream().filter(message -> message.event() instanceof FulfillmentAssigned)
                .findFirst().orElseThrow();
        assertThat(offer.topic()).isEqualTo(Topics.ORDERS_FULFILLMENT_ASSIGNED);
        assertThat(offer.key()).isEqualTo("LJ001");
        assertThat(((FulfillmentAssigned) offer.event()).lines()).singleElement()
                .satisfies(line -> assertThat(line.reference()).isEqualTo("1001"));
        assertThat(messages(order, FulfillmentAssigned.class)).hasSize(1);
        // the offer itself announces the assignment: no status event beside it
        assertThat(messages(order, FulfillmentStatusChanged.class)).isEmpty();
        assertThat(order.nextDeadline()).isEqualTo(deadline);
        assertThat(order.status()).isEqualTo(OrderStatus.ASSIGNED);
    }

    @Test
    void aConfirmationArrivingAfterTheFulfillmentWasCancelledGivesTheUnitsBack() {
        Order order = received();
        order.route(decision(List.of(new Allocation("LJ001", List.of(new StoreQuantity(SHIRT, 2)))), List.of()), T0);
        order.changeStatus("ful-1-1", FulfillmentStatus.CANCELLED, null, null, T0);
        order.sent(order.outbox().stream().map(OutboxMessage::id).toList(), T0);

        order.reservationConfirmed("ful-1-1", T0.plus(Duration.ofHours(2)), false, T0);

        assertThat(order.fulfillment("ful-1-1").orElseThrow().status()).isEqualTo(FulfillmentStatus.CANCELLED);
        assertThat(messages(order, ReleaseStock.class)).singleElement().satisfies(release -> {
            assertThat(release.commandId()).isEqualTo("ful-1-1:release:LATE_CONFIRMATION");
            assertThat(release.lines()).containsExactly(new StockLine(SHIRT, 2));
        });
        assertThat(messages(order, FulfillmentAssigned.class)).isEmpty();
    }

    @Test
    void aRefusedReservationHandsTheLinesBackWithoutThatStoreForThoseEans() {
        Order order = received();
        order.route(decision(List.of(new Allocation("LJ001", List.of(new StoreQuantity(SHIRT, 2),
                new StoreQuantity(SHOES, 1)))), List.of()), T0);

        order.reservationRefused("ful-1-1", T0);

        Fulfillment refused = order.fulfillment("ful-1-1").orElseThrow();
        assertThat(refused.rerouted()).isTrue();
        assertThat(refused.reservation()).isEqualTo(ReservationState.REFUSED);
        assertThat(order.routingDue()).isTrue();
        assertThat(order.routingTrigger()).isEqualTo("RESERVATION_REFUSED");
        assertThat(order.toRoute()).containsExactly(new StoreQuantity(SHIRT, 2), new StoreQuantity(SHOES, 1));
        assertThat(order.exclusions()).containsExactly(new Exclusion("LJ001", Set.of(SHIRT, SHOES),
                "RESERVATION_REFUSED"));
        assertThat(order.reservationRefused("ful-1-1", T0)).isFalse();
    }

    @Test
    void aPartialAnswerKeepsTheAcceptedUnitsAndSendsTheRejectedOnesElsewhere() {
        Order order = assigned();
        Acceptance partial = new Acceptance(Acceptance.Decision.PARTIAL, null, List.of(
                new Acceptance.Line(SHIRT, 1, 1, RejectReason.NOT_IN_STOCK), new Acceptance.Line(SHOES, 1, 0, null)),
                null);

        assertThat(order.answer("ful-1-1", partial, T0)).isEqualTo(Order.Outcome.APPLIED);

        Fulfillment fulfillment = order.fulfillment("ful-1-1").orElseThrow();
        assertThat(fulfillment.status()).isEqualTo(FulfillmentStatus.ACCEPTED);
        assertThat(fulfillment.held()).containsExactly(new StoreQuantity(SHIRT, 1), new StoreQuantity(SHOES, 1));
        assertThat(messages(order, ReleaseStock.class)).containsExactly(new ReleaseStock("ful-1-1:release:NOT_IN_STOCK",
                "ord-1", "ful-1-1", "LJ001", List.of(new StockLine(SHIRT, 1)), "REJECTED:NOT_IN_STOCK", T0));
        assertThat(messages(order, MarkOutOfStock.class)).containsExactly(new MarkOutOfStock("ful-1-1:out-of-stock",
                "ord-1", "ful-1-1", "LJ001", List.of(SHIRT), T0));
        assertThat(order.toRoute()).containsExactly(new StoreQuantity(SHIRT, 1));
        assertThat(order.exclusions()).extracting(Exclusion::storeId, Exclusion::wholeOrder)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LJ001", true));

        // the next routing round announces where the rejected unit went
        order.route(decision(List.of(new Allocation("LJ002", List.of(new StoreQuantity(SHIRT, 1)))), List.of()), T0);
        assertThat(messages(order, OrderRerouted.class)).singleElement().satisfies(event -> {
            assertThat(event.fromFulfillmentId()).isEqualTo("ful-1-1");
            assertThat(event.toFulfillmentIds()).containsExactly("ful-1-2");
            assertThat(event.lines()).containsExactly(new StockLine(SHIRT, 1));
            assertThat(event.reason()).isEqualTo("NOT_IN_STOCK");
        });
    }

    @Test
    void theSameAnswerAgainChangesNothingAndADifferentOneIsRefused() {
        Order order = assigned();
        order.answer("ful-1-1", new Acceptance(Acceptance.Decision.ACCEPT_ALL, null, List.of(), null), T0);
        int messages = order.outbox().size();

        Order.Outcome again = order.answer("ful-1-1",
                new Acceptance(Acceptance.Decision.ACCEPT_ALL, null, List.of(), T0.plusSeconds(5)), T0.plusSeconds(5));

        assertThat(again).isEqualTo(Order.Outcome.REPEATED);
        assertThat(order.outbox()).hasSize(messages);
        assertThatThrownBy(() -> order.answer("ful-1-1", new Acceptance(Acceptance.Decision.REJECT_ALL,
                RejectReason.OTHER, List.of(), null), T0)).isInstanceOf(OrderConflictException.class);
    }

    @Test
    void rejectingEverythingReleasesItAllAndLeavesNothingAtTheStore() {
        Order order = assigned();

        order.answer("ful-1-1", new Acceptance(Acceptance.Decision.REJECT_ALL, RejectReason.NO_CAPACITY, List.of(),
                null), T0);

        Fulfillment rejected = order.fulfillment("ful-1-1").orElseThrow();
        assertThat(rejected.status()).isEqualTo(FulfillmentStatus.REJECTED);
        assertThat(rejected.rerouted()).isTrue();
        assertThat(messages(order, ReleaseStock.class)).singleElement().satisfies(release -> assertThat(release.lines())
                .containsExactly(new StockLine(SHIRT, 2), new StockLine(SHOES, 1)));
        assertThat(messages(order, MarkOutOfStock.class)).isEmpty();
        assertThat(order.toRoute()).containsExactly(new StoreQuantity(SHIRT, 2), new StoreQuantity(SHOES, 1));
        assertThat(order.status()).isEqualTo(OrderStatus.ROUTING);
    }

    @Test
    void aPartialAnswerMustAccountForEveryUnitOfEveryLine() {
        Order order = assigned();
        Acceptance wrong = new Acceptance(Acceptance.Decision.PARTIAL, null, List.of(
                new Acceptance.Line(SHIRT, 1, 0, null), new Acceptance.Line("0000000000000", 1, 0, null)), null);

        assertThatThrownBy(() -> order.answer("ful-1-1", wrong, T0)).isInstanceOfSatisfying(
                InvalidRequestException.class, e -> assertThat(e.errors()).extracting(
                        InvalidRequestException.FieldError::field).containsExactly("lines[0]", "lines[1].ean", "lines"));
        assertThat(order.fulfillment("ful-1-1").orElseThrow().status()).isEqualTo(FulfillmentStatus.ASSIGNED);
    }

    @Test
    void anUnansweredFulfillmentIsWithdrawnOnlyAfterItsDeadline() {
        Order order = assigned();

        assertThat(order.withdrawExpired(T0.plus(Duration.ofMinutes(119)))).isEmpty();
        assertThat(order.withdrawExpired(T0.plus(Duration.ofHours(2)))).containsExactly("ful-1-1");

        assertThat(order.fulfillment("ful-1-1").orElseThrow().status()).isEqualTo(FulfillmentStatus.CANCELLED);
        assertThat(messages(order, FulfillmentWithdrawn.class)).singleElement()
                .satisfies(event -> assertThat(event.reason()).isEqualTo("DEADLINE_PASSED"));
        assertThat(messages(order, ReleaseStock.class)).singleElement()
                .satisfies(event -> assertThat(event.reason()).isEqualTo("DEADLINE_PASSED"));
        assertThat(order.toRoute()).hasSize(2);
        assertThat(order.nextDeadline()).isNull();
    }

    @Test
    void messagesCarryTheCorrelationIdOfTheWorkThatOwedThem() {
        // given an order placed by request corr-intake, routed, its reservation confirmed by an answer of corr-answer
        Order order = received();
        order.workingFor(null);
        order.route(decision(List.of(new Allocation("LJ001", List.of(new StoreQuantity(SHIRT, 2)))), List.of()), T0);
        order.workingFor("corr-answer");

        // when
        order.reservationConfirmed("ful-1-1", T0.plus(Duration.ofHours(2)), false, T0);

        // then the intake's messages and the routing round's (run by a thread without an id) carry the intake's,
        // the offer carries the answer's
        assertThat(order.outbox()).extracting(OutboxMessage::id, OutboxMessage::correlationId).containsExactly(
                tuple("ord-1:received", "corr-intake"), tuple("ful-1-1:reserve", "corr-intake"),
                tuple("ful-1-1:assigned", "corr-answer"));
    }

    @Test
    void aRoutingRoundCarriesTheCorrelationIdOfWhatHandedTheLinesBack() {
        // given a reservation refused by an answer of corr-refusal
        Order order = received();
        order.route(decision(List.of(new Allocation("LJ001", List.of(new StoreQuantity(SHIRT, 2)))), List.of()), T0);
        order.workingFor("corr-refusal");
        order.reservationRefused("ful-1-1", T0);

        // when the routing thread, with a correlation id of its own, runs the next round
        order.workingFor("corr-router");
        order.route(decision(List.of(new Allocation("LJ002", List.of(new StoreQuantity(SHIRT, 2)))), List.of()), T0);

        // then its command carries the refusal's
        assertThat(order.outbox()).filteredOn(message -> message.id().equals("ful-1-2:reserve"))
                .extracting(OutboxMessage::correlationId).containsExactly("corr-refusal");
    }

    @Test
    void aDeadlineNobodyAskedAboutCarriesTheCorrelationIdOfTheOrdersPlacement() {
        Order order = assigned();
        order.workingFor(null);

        order.withdrawExpired(T0.plus(Duration.ofHours(2)));
        order.route(decision(List.of(new Allocation("LJ002", List.of(new StoreQuantity(SHIRT, 2),
                new StoreQuantity(SHOES, 1)))), List.of()), T0.plus(Duration.ofHours(2)));

        assertThat(order.outbox()).isNotEmpty().extracting(OutboxMessage::correlationId).containsOnly("corr-intake");
        assertThat(order.correlationId()).isEqualTo("corr-intake");
    }

    @Test
    void shippingConsumesTheReservationAndDeliveringAfterwardsDoesNotConsumeAgain() {
        Order order = assigned();
        order.answer("ful-1-1", new Acceptance(Acceptance.Decision.ACCEPT_ALL, null, List.of(), null), T0);

        order.changeStatus("ful-1-1", FulfillmentStatus.IN_TRANSIT, "Correios", "BR1", T0);
        order.changeStatus("ful-1-1", FulfillmentStatus.DELIVERED, null, null, T0);

        assertThat(messages(order, ConsumeStock.class)).singleElement().satisfies(consume -> assertThat(
                consume.lines()).containsExactly(new StockLine(SHIRT, 2), new StockLine(SHOES, 1)));
        Fulfillment delivered = order.fulfillment("ful-1-1").orElseThrow();
        assertThat(delivered.carrier()).isEqualTo("Correios");
        assertThat(delivered.trackingCode()).isEqualTo("BR1");
        assertThat(delivered.timeline()).extracting(TimelineEntry::status).containsExactly(FulfillmentStatus.CREATED,
                FulfillmentStatus.ASSIGNED, FulfillmentStatus.ACCEPTED, FulfillmentStatus.IN_TRANSIT,
                FulfillmentStatus.DELIVERED);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.changeStatus("ful-1-1", FulfillmentStatus.DELIVERED, null, null, T0))
                .isEqualTo(Order.Outcome.REPEATED);
    }

    @Test
    void aMoveTheTableDoesNotAllowIsRefusedListingTheAllowedOnes() {
        Order order = assigned();

        assertThatThrownBy(() -> order.changeStatus("ful-1-1", FulfillmentStatus.DELIVERED, null, null, T0))
                .isInstanceOfSatisfying(OrderConflictException.class, e -> {
                    assertThat(e.allowed()).containsExactly("7 CANCELLED");
                    assertThat(e.getMessage()).contains("/acceptance");
                });
    }

    @Test
    void cancellingAnAcceptedFulfillmentReleasesItsStock() {
        Order order = assigned();
        order.answer("ful-1-1", new Acceptance(Acceptance.Decision.ACCEPT_ALL, null, List.of(), null), T0);

        order.changeStatus("ful-1-1", FulfillmentStatus.CANCELLED, null, null, T0);

        assertThat(messages(order, ReleaseStock.class)).singleElement()
                .satisfies(release -> assertThat(release.reason()).isEqualTo("CANCELLED"));
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.toRoute()).isEmpty();
    }

    @Test
    void returnsComeBackInStoreNeverBeyondWhatWasDeliveredAndTheLastOneClosesTheFulfillment() {
        Order order = assigned();
        order.answer("ful-1-1", new Acceptance(Acceptance.Decision.ACCEPT_ALL, null, List.of(), null), T0);
        assertThatThrownBy(() -> order.recordReturn("ful-1-1", "ret-0", List.of(new StoreQuantity(SHIRT, 1)), null,
                null, T0)).isInstanceOf(OrderConflictException.class);
        order.changeStatus("ful-1-1", FulfillmentStatus.DELIVERED, null, null, T0);

        order.recordReturn("ful-1-1", "ret-1", List.of(new StoreQuantity(SHIRT, 1)), new BigDecimal("333.14"), "BRL",
                T0);

        assertThat(messages(order, RestockReturn.class)).singleElement()
                .satisfies(restock -> assertThat(restock.lines()).containsExactly(new StockLine(SHIRT, 1)));
        assertThat(messages(order, ReturnRecorded.class)).singleElement().satisfies(recorded -> {
            assertThat(recorded.coupon().amount()).isEqualByComparingTo("333.14");
            assertThat(recorded.customerDocument()).isEqualTo("52998224725");
        });
        assertThat(order.recordReturn("ful-1-1", "ret-1", List.of(new StoreQuantity(SHIRT, 1)),
                new BigDecimal("333.140"), "BRL", T0)).isEqualTo(Order.Outcome.REPEATED);
        assertThatThrownBy(() -> order.recordReturn("ful-1-1", "ret-1", List.of(new StoreQuantity(SHOES, 1)), null,
                null, T0)).isInstanceOf(OrderConflictException.class);
        assertThatThrownBy(() -> order.recordReturn("ful-1-1", "ret-2", List.of(new StoreQuantity(SHIRT, 2)), null,
                null, T0)).isInstanceOfSatisfying(OrderConflictException.class,
                        e -> assertThat(e.allowed()).containsExactly(SHIRT + ": 2 asked, 1 returnable"));
        assertThatThrownBy(() -> order.recordReturn("ful-1-1", "ret-3", List.of(new StoreQuantity("123", 1)), null,
                null, T0)).isInstanceOf(InvalidRequestException.class);

        order.recordReturn("ful-1-1", "ret-4", List.of(new StoreQuantity(SHIRT, 1), new StoreQuantity(SHOES, 1)),
                null, null, T0);

        assertThat(order.fulfillment("ful-1-1").orElseThrow().status()).isEqualTo(FulfillmentStatus.RETURNED);
        assertThat(order.status()).isEqualTo(OrderStatus.RETURNED);
    }

    @Test
    void acknowledgedMessagesLeaveTheOutboxAndTheRestStays() {
        Order order = received();
        order.route(decision(List.of(new Allocation("LJ001", List.of(new StoreQuantity(SHIRT, 2)))), List.of()), T0);

        order.sent(List.of("ord-1:received"), T0);

        assertThat(order.outbox()).extracting(OutboxMessage::id).containsExactly("ful-1-1:reserve");
    }
}
