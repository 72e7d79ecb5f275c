package io.omnihub.order.fulfillment;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.order.model.Acceptance;
import io.omnihub.order.model.Fulfillment;
import io.omnihub.order.model.InvalidRequestException;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.order.model.ReturnRecord;
import io.omnihub.order.model.StoreQuantity;
import io.omnihub.platform.security.StoreScope;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The store's side of a fulfilment: answer, status, returns. Every call is checked against the caller's store
 * scope first (a key of store A never touches store B's fulfilment), then applied as one transition of the
 * order, written with its outbox in one conditional write.
 */
@Service
class FulfillmentService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrderRepository orders;
    private final Clock clock;

    FulfillmentService(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /** The order holding the fulfilment, once the caller is known to cover its store. */
    Order scoped(Identity identity, String fulfillmentId) {
        Order order = orders.findByFulfillment(fulfillmentId).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No fulfillment " + fulfillmentId));
        StoreScope.requireStore(identity, order.fulfillment(fulfillmentId).orElseThrow().storeId());
        return order;
    }

    AcceptanceResponse answer(Identity identity, String fulfillmentId, AcceptanceRequest request) {
        Order order = scoped(identity, fulfillmentId);
        Acceptance answer = toAcceptance(request);
        orders.change(order.id(), fresh -> fresh.answer(fulfillmentId, answer, clock.instant()));
        Order answered = orders.find(order.id()).orElseThrow();
        return AcceptanceResponse.of(answered, answered.fulfillment(fulfillmentId).orElseThrow());
    }

    Fulfillment changeStatus(Identity identity, String fulfillmentId, StatusRequest request) {
        Order order = scoped(identity, fulfillmentId);
        String given = request.status() instanceof Number number ? String.valueOf(number.longValue())
                : String.valueOf(request.status());
        FulfillmentStatus target = FulfillmentStatus.parse(given).orElseThrow(() -> new InvalidRequestException(
                "status", "'" + given + "' is neither a status code 0-8 nor a name (CREATED, ASSIGNED, ACCEPTED, "
                        + "IN_TRANSIT, DELIVERED, READY_FOR_PICKUP, RETURNED, CANCELLED, REJECTED)"));
        orders.change(order.id(), fresh -> fresh.changeStatus(fulfillmentId, target, request.carrier(),
                request.trackingCode(), clock.instant()));
        return orders.find(order.id()).orElseThrow().fulfillment(fulfillmentId).orElseThrow();
    }

    ReturnResponse recordReturn(Identity identity, String fulfillmentId, String idempotencyKey, ReturnRequest request) {
        Order order = scoped(identity, fulfillmentId);
        String returnId = request.returnId() != null ? request.returnId()
                : idempotencyKey != null && !idempotencyKey.isBlank() ? "ret-" + fulfillmentId + "-" + idempotencyKey.strip()
                : "ret-" + HexFormat.of().formatHex(RANDOM.generateSeed(8));
        List<StoreQuantity> lines = request.lines().stream()
                .map(line -> new StoreQuantity(line.ean(), line.quantity())).toList();
        orders.change(order.id(), fresh -> fresh.recordReturn(fulfillmentId, returnId, lines,
                request.coupon() == null ? null : request.coupon().amount(),
                request.coupon() == null ? null : request.coupon().currency(), clock.instant()));
        Order returned = orders.find(order.id()).orElseThrow();
        Fulfillment fulfillment = returned.fulfillment(fulfillmentId).orElseThrow();
        ReturnRecord record = fulfillment.returns().stream().filter(r -> r.returnId().equals(returnId)).findFirst()
                .orElseThrow();
        return ReturnResponse.of(returned, fulfillment, record);
    }

    private static Acceptance toAcceptance(AcceptanceRequest request) {
        switch (request.decision()) {
            case REJECT_ALL -> {
                if (request.reason() == null) {
                    throw new InvalidRequestException("reason", "required for REJECT_ALL: NOT_IN_STOCK, DAMAGED, "
                            + "NO_CAPACITY or OTHER");
                }
            }
            case PARTIAL -> {
                if (request.lines() == null || request.lines().isEmpty()) {
                    throw new InvalidRequestException("lines", "required for PARTIAL");
                }
            }
            default -> { }
        }
        List<Acceptance.Line> lines = request.decision() != Acceptance.Decision.PARTIAL ? List.of()
                : request.lines().stream().map(line -> new Acceptance.Line(line.ean(), line.acceptedQuantity(),
                        line.rejectedQuantity(), line.rejectedQuantity() > 0 ? line.reason() : null)).toList();
        return new Acceptance(request.decision(),
                request.decision() == Acceptance.Decision.REJECT_ALL ? request.reason() : null, lines, null);
    }
}
