package io.omnihub.order.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.omnihub.contracts.orders.Address;
import io.omnihub.contracts.orders.Customer;
import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.contracts.orders.Journey;
import io.omnihub.order.PlainMongo;
import io.omnihub.order.model.OrderRepository.SentOutbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Writes of an order match the revision they read ({@code {_id, revision}}): of two writers of one revision exactly
 * one writes it, the other's change is applied again to the winner's order; an outbox acknowledged for an older
 * revision is not removed; orders written by the version before (with a {@code revisionKey}) are read and changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderRevisionIT {

    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");
    private static final String SHIRT = "7891000000007";
    private static final String SHOES = "7891000015834";

    private final PlainMongo mongo = PlainMongo.open("orders-revision-it");
    private final OrderRepository orders = new OrderRepository(mongo.template(), event -> { }, () -> null);
    private final AtomicInteger sequence = new AtomicInteger();

    @AfterAll
    void close() {
        mongo.close();
    }

    /** An order routed to two stores, both fulfilments waiting for their reservation, stored as intake stores it. */
    private Order stored() {
        String id = "ord-rev-" + sequence.incrementAndGet();
        Order order = Order.receive(id, "site-rev", "ECOM-" + id, "key:" + id, "test", Journey.SHIP_FROM_STORE,
                new Customer("Ana", "52998224725", "ana@example.com"),
                new Address("Av. Paulista, 1000", "São Paulo", "SP", "01310-100", -23.5, -46.6), null,
                List.of(new OrderLine(SHIRT, "1001", "Camiseta", "Aurora", "Roupas", 2, new BigDecimal("333.14"), null),
                        new OrderLine(SHOES, "2001", "Tênis", "Passo", "Calçados", 1, new BigDecimal("99.90"), null)),
                "corr", T0);
        order.route(new RoutingDecision(T0, "INTAKE", "default", List.of(), List.of(
                new Allocation("LJ001", List.of(new StoreQuantity(SHIRT, 2))),
                new Allocation("LJ002", List.of(new StoreQuantity(SHOES, 1)))), List.of(), List.of("because")), T0);
        return orders.insert(order);
    }

    /** The order as stored, unmapped. */
    private Document raw(String orderId) {
        return mongo.template().getCollection(Order.COLLECTION).find(new Document("_id", orderId)).first();
    }

    private static boolean confirm(Order order, int fulfillment) {
        return order.reservationConfirmed(order.fulfillments().get(fulfillment).id(), T0.plus(Duration.ofHours(2)),
                false, T0);
    }

    @Test
    void ofTwoWritersOfOneRevisionOneWritesItAndTheOtherChangesTheWinnersOrder() {
        // given an order read by two writers at the same revision
        Order stored = stored();
        Order first = orders.find(stored.id()).orElseThrow();
        Order second = orders.find(stored.id()).orElseThrow();
        long read = first.revision();
        List<Long> firstSaw = new CopyOnWriteArrayList<>();
        List<Long> secondSaw = new CopyOnWriteArrayList<>();

        // when each confirms another fulfilment's reservation on what it read
        orders.change(first, order -> {
            firstSaw.add(order.revision());
            return confirm(order, 0);
        });
        orders.change(second, order -> {
            secondSaw.add(order.revision());
            return confirm(order, 1);
        });

        // then the first wrote the revision read; the second lost it and was applied again to the first's order
        assertThat(firstSaw).containsExactly(read);
        assertThat(secondSaw).containsExactly(read, read + 1);
        Order now = orders.find(stored.id()).orElseThrow();
        assertThat(now.revision()).isEqualTo(read + 2);
        assertThat(now.fulfillments()).extracting(Fulfillment::status)
                .containsExactly(FulfillmentStatus.ASSIGNED, FulfillmentStatus.ASSIGNED);
    }

    @Test
    void anOutboxIsRemovedOnlyFromTheRevisionItWasSentFrom() {
        // given an order whose intake outbox was sent, then changed by a reservation answer
        Order stored = stored();
        long intake = stored.revision();
        orders.change(stored.id(), order -> confirm(order, 0));

        // when the intake revision's outbox is reported sent
        int olderEmptied = orders.outboxesSent(List.of(new SentOutbox(stored.id(), intake)));

        // then the newer revision keeps its outbox (it holds what the answer owes too)
        assertThat(olderEmptied).isZero();
        Order changed = orders.find(stored.id()).orElseThrow();
        assertThat(changed.outbox()).isNotEmpty();
        assertThat(raw(stored.id()).getBoolean("unpublished")).isTrue();

        // and the newer revision's is removed, the revision kept
        assertThat(orders.outboxesSent(List.of(new SentOutbox(stored.id(), changed.revision())))).isOne();
        Order emptied = orders.find(stored.id()).orElseThrow();
        assertThat(emptied.outbox()).isEmpty();
        assertThat(raw(stored.id()).getBoolean("unpublished")).isFalse();
        assertThat(emptied.revision()).isEqualTo(changed.revision());
    }

    @Test
    void anOrderWrittenByTheVersionBeforeIsChangedAndLosesItsRevisionKey() {
        // given an order as the version before stored it: with its revisionKey, uniquely indexed
        mongo.template().getCollection(Order.COLLECTION).createIndex(Indexes.ascending("revisionKey"),
                new IndexOptions().unique(true).sparse(true));
        Order stored = stored();
        mongo.template().getCollection(Order.COLLECTION).updateOne(new Document("_id", stored.id()),
                new Document("$set", new Document("revisionKey", stored.id() + "@" + stored.revision())));
        Order read = orders.find(stored.id()).orElseThrow();
        long before = read.revision();

        // when a reservation answer changes it, and the relay removes the outbox of that write
        orders.change(read, order -> confirm(order, 0));
        long answered = orders.find(stored.id()).orElseThrow().revision();
        int emptied = orders.outboxesSent(List.of(new SentOutbox(stored.id(), answered)));

        // then both wrote it, and the key is gone with the answer's replace
        assertThat(answered).isEqualTo(before + 1);
        assertThat(emptied).isOne();
        Document now = raw(stored.id());
        assertThat(now).doesNotContainKey("revisionKey");
        assertThat(now.getList("outbox", Object.class)).isEmpty();
        assertThat(orders.find(stored.id()).orElseThrow().fulfillments().get(0).status())
                .isEqualTo(FulfillmentStatus.ASSIGNED);
    }
}
