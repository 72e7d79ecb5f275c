package io.omnihub.order.fulfillment;

import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.order.routing.RoutingProfiles;
import io.omnihub.order.store.Stores;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Inventory's answers to ReserveStock, applied to the order. */
@Service
public class ReservationAnswers {

    private static final Logger log = LoggerFactory.getLogger(ReservationAnswers.class);

    private final OrderRepository orders;
    private final RoutingProfiles profiles;
    private final Stores stores;
    private final Clock clock;

    ReservationAnswers(OrderRepository orders, RoutingProfiles profiles, Stores stores, Clock clock) {
        this.orders = orders;
        this.profiles = profiles;
        this.stores = stores;
        this.clock = clock;
    }

    /** The stock is held: the fulfilment is offered to its store, to be answered within the profile's deadline. */
    public void confirmed(String orderId, String fulfillmentId) {
        // as this process wrote it (intake, a routing round) when it did so recently: no read
        Order read = orders.findRecent(orderId).orElse(null);
        if (read == null) {
            log.warn("Reservation confirmed for unknown order {} ({}); ignored", orderId, fulfillmentId);
            return;
        }
        // from the order just found: one read less unless it changed meanwhile
        orders.change(read, order -> {
            Instant now = clock.instant();
            String storeId = order.fulfillment(fulfillmentId).map(f -> f.storeId()).orElse(null);
            if (storeId == null) {
                return false;
            }
            // the store as routing last read it (at most a second old): no MongoDB read per answer
            boolean push = stores.recent(storeId).map(store -> store.erpEndpoint() != null).orElse(false);
            Instant acceptBy = now.plus(profiles.of(order.siteId()).acceptanceDeadline());
            return order.reservationConfirmed(fulfillmentId, acceptBy, push, now);
        });
    }

    /** The stock is not there: the lines go to the next candidate. */
    public void refused(String orderId, String fulfillmentId) {
        Order read = orders.findRecent(orderId).orElse(null);
        if (read == null) {
            log.warn("Reservation refused for unknown order {} ({}); ignored", orderId, fulfillmentId);
            return;
        }
        orders.change(read, order -> order.reservationRefused(fulfillmentId, clock.instant()));
    }
}
