package io.omnihub.order.model;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.orders.Address;
import io.omnihub.contracts.orders.AssignedLine;
import io.omnihub.contracts.orders.ConsumeStock;
import io.omnihub.contracts.orders.CouponRequest;
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
import io.omnihub.order.model.FulfillmentTransitions.StockEffect;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An order from a channel and everything that happened to it: lines, fulfilments (each store's share), the
 * routing decisions with their reasons, stores excluded from it, and the outbox of events and commands owed to
 * Kafka. Each method below is one state transition of the order's state machine; it changes the state and adds
 * the messages that announce it, and the caller writes both in one conditional write ({@link OrderRepository}).
 * Message ids are derived from the order (fulfilment id + step), so a message re-sent after a crash keeps its id.
 */
@Document(Order.COLLECTION)
public class Order {

    public static final String COLLECTION = "orders";
    /** Why lines went unfulfillable when no store could take them. */
    public static final String NO_STORE_AVAILABLE = "NO_STORE_AVAILABLE";

    @Id
    private String id;
    private String siteId;
    private String channelOrderId;
    /** {@code siteId|channelOrderId}: a channel's order becomes one omnihub order, whatever the retries. */
    @Indexed(unique = true)
    private String channelKey;
    /** The caller's Idempotency-Key (scoped by client), or the channel key when none was sent. */
    @Indexed(unique = true)
    private String idempotencyKey;
    private String client;
    private Journey journey;
    private Customer customer;
    private Address shippingAddress;
    private String pickupStoreId;
    private List<OrderLine> lines = new ArrayList<>();
    private List<Fulfillment> fulfillments = new ArrayList<>();
    private List<RoutingDecision> decisions = new ArrayList<>();
    private List<Exclusion> exclusions = new ArrayList<>();
    private List<Reroute> reroutes = new ArrayList<>();
    private OrderStatus status;
    @Indexed
    private boolean routingDue;
    private String routingTrigger;
    @Indexed
    private Instant nextDeadline;
    @Indexed
    private Instant nextErpPush;
    @Indexed
    private List<String> storeIds = new ArrayList<>();
    @Indexed
    private List<String> fulfillmentIds = new ArrayList<>();
    private List<OutboxMessage> outbox = new ArrayList<>();
    @Indexed
    private boolean unpublished;
    @Indexed
    private Instant receivedAt;
    private Instant updatedAt;
    private int fulfillmentSequence;
    private int messageSequence;
    private long revision;
    /** The correlation id of the request that placed the order: work nobody asked for (deadlines) carries it. */
    private String correlationId;
    /** The correlation id of the work that last handed lines to routing: the routing round's messages carry it. */
    private String routingCorrelationId;
    @Transient
    private boolean changed;
    /** The correlation id of the work changing the order now (not stored: each change says its own). */
    @Transient
    private String working;

    protected Order() {
    }

    /** A new order as the channel sent it: received, to be routed, announced as {@code OrderReceived}. */
    public static Order receive(String id, String siteId, String channelOrderId, String idempotencyKey, String client,
            Journey journey, Customer customer, Address shippingAddress, String pickupStoreId, List<OrderLine> lines,
            String correlationId, Instant now) {
        Order order = new Order();
        order.id = id;
        order.correlationId = correlationId;
        order.siteId = siteId;
        order.channelOrderId = channelOrderId;
        order.channelKey = channelKey(siteId, channelOrderId);
        order.idempotencyKey = idempotencyKey;
        order.client = client;
        order.journey = journey;
        order.customer = customer;
        order.shippingAddress = shippingAddress;
        order.pickupStoreId = pickupStoreId;
        order.lines = new ArrayList<>(lines);
        order.receivedAt = now;
        order.dueForRouting("INTAKE");
        order.send(Topics.ORDERS_LIFECYCLE, id, id + ":received",
                new OrderReceived(id, siteId, channelOrderId, journey, now));
        order.refresh(now);
        return order;
    }

    public static String channelKey(String siteId, String channelOrderId) {
        return siteId + "|" + channelOrderId;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    public String id() {
        return id;
    }

    public String siteId() {
        return siteId;
    }

    public String channelOrderId() {
        return channelOrderId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The API client that placed it. */
    public String client() {
        return client;
    }

    public Journey journey() {
        return journey;
    }

    public Customer customer() {
        return customer;
    }

    public Address shippingAddress() {
        return shippingAddress;
    }

    public String pickupStoreId() {
        return pickupStoreId;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public Optional<OrderLine> line(String ean) {
        return lines.stream().filter(line -> line.ean().equals(ean)).findFirst();
    }

    /** Every fulfilment ever made for it, including those whose lines went elsewhere ({@code rerouted}). */
    public List<Fulfillment> fulfillments() {
        return List.copyOf(fulfillments);
    }

    public Optional<Fulfillment> fulfillment(String fulfillmentId) {
        return fulfillments.stream().filter(fulfillment -> fulfillment.id().equals(fulfillmentId)).findFirst();
    }

    public List<RoutingDecision> decisions() {
        return List.copyOf(decisions);
    }

    public List<Exclusion> exclusions() {
        return List.copyOf(exclusions);
    }

    public OrderStatus status() {
        return status;
    }

    /** True while some quantities wait for a routing round. */
    public boolean routingDue() {
        return routingDue;
    }

    /** What caused the pending routing round (INTAKE, RESERVATION_REFUSED, REJECTED:…, DEADLINE_PASSED). */
    public String routingTrigger() {
        return routingTrigger;
    }

    /** The stores of its fulfilments (index for the stores' polling and the reports). */
    public List<String> storeIds() {
        return List.copyOf(storeIds);
    }

    public List<OutboxMessage> outbox() {
        return List.copyOf(outbox);
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant nextDeadline() {
        return nextDeadline;
    }

    public Instant nextErpPush() {
        return nextErpPush;
    }

    /** The correlation id of the request that placed the order, or null (none, or placed before it was kept). */
    public String correlationId() {
        return correlationId;
    }

    public long revision() {
        return revision;
    }

    /** True when a method changed something that must be written. */
    public boolean changed() {
        return changed;
    }

    /** Per EAN, the units not yet placed with a store nor declared unfulfillable, in line order. */
    public List<StoreQuantity> toRoute() {
        List<StoreQuantity> open = new ArrayList<>();
        for (OrderLine line : lines) {
            long placed = fulfillments.stream().filter(fulfillment -> !fulfillment.rerouted())
                    .flatMap(fulfillment -> fulfillment.line(line.ean()).stream())
                    .mapToLong(FulfillmentLine::quantity).sum();
            long rest = line.quantity() - placed - line.unfulfillable();
            if (rest > 0) {
                open.add(new StoreQuantity(line.ean(), rest));
            }
        }
        return open;
    }

    /** Stores already serving it (a routing round that picks one of them adds no split). */
    public Set<String> storesInUse() {
        return fulfillments.stream().filter(fulfillment -> !fulfillment.rerouted())
                .filter(fulfillment -> fulfillment.status() != FulfillmentStatus.CANCELLED)
                .map(Fulfillment::storeId).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    // ---- routing ------------------------------------------------------------------------------------------

    /**
     * Applies a routing round: each allocation becomes a fulfilment whose stock is asked for
     * ({@code ReserveStock}); what nothing could take becomes unfulfillable ({@code OrderLinesUnfulfillable});
     * quantities handed back earlier are announced as re-routed ({@code OrderRerouted}).
     */
    public List<String> route(RoutingDecision decision, Instant now) {
        // the round is the consequence of what made it due (the intake, a refusal, a rejection), not of the
        // routing thread that happens to run it
        if (routingCorrelationId != null) {
            working = routingCorrelationId;
        }
        List<String> created = new ArrayList<>();
        for (Allocation allocation : decision.allocations()) {
            String fulfillmentId = nextFulfillmentId();
            List<FulfillmentLine> assigned = allocation.lines().stream().map(quantity -> {
                OrderLine line = line(quantity.ean()).orElseThrow(
                        () -> new IllegalArgumentException("no line of " + id + " has EAN " + quantity.ean()));
                return new FulfillmentLine(line.ean(), line.reference(), line.name(), quantity.quantity(),
                        line.unitPrice());
            }).toList();
            Fulfillment fulfillment = new Fulfillment(fulfillmentId, allocation.storeId(), assigned, now);
            fulfillments.add(fulfillment);
            created.add(fulfillmentId);
            send(Topics.ORDERS_COMMANDS, id, fulfillmentId + ":reserve", new ReserveStock(fulfillmentId + ":reserve",
                    id, fulfillmentId, allocation.storeId(), stockLines(fulfillment.held()), now));
        }
        if (!decision.unplaced().isEmpty()) {
            decision.unplaced().forEach(unplaced -> line(unplaced.ean()).orElseThrow()
                    .addUnfulfillable(unplaced.quantity()));
            String messageId = id + ":unfulfillable:" + (++messageSequence);
            send(Topics.ORDERS_LIFECYCLE, id, messageId, new OrderLinesUnfulfillable(id, siteId, channelOrderId,
                    stockLines(decision.unplaced()), NO_STORE_AVAILABLE, now));
        }
        for (Reroute reroute : reroutes) {
            Set<String> eans = reroute.lines().stream().map(StoreQuantity::ean).collect(Collectors.toSet());
            List<String> to = created.stream().filter(fulfillmentId -> fulfillment(fulfillmentId).orElseThrow()
                    .lines().stream().anyMatch(line -> eans.contains(line.ean()))).toList();
            send(Topics.ORDERS_LIFECYCLE, id, id + ":rerouted:" + (++messageSequence), new OrderRerouted(id, siteId,
                    channelOrderId, reroute.fromFulfillmentId(), reroute.fromStoreId(), stockLines(reroute.lines()),
                    to, reroute.reason(), now));
        }
        reroutes.clear();
        decisions.add(decision);
        routingDue = false;
        routingTrigger = null;
        routingCorrelationId = null;
        refresh(now);
        return created;
    }

    /**
     * Inventory holds the fulfilment's stock: it is offered to the store ({@code FulfillmentAssigned}, and its ERP
     * endpoint when it has one) and must be answered by {@code acceptBy}. Answers false for a late or repeated
     * confirmation.
     */
    public boolean reservationConfirmed(String fulfillmentId, Instant acceptBy, boolean pushToErp, Instant now) {
        Fulfillment fulfillment = fulfillment(fulfillmentId).orElse(null);
        if (fulfillment != null && fulfillment.status() == FulfillmentStatus.CANCELLED
                && fulfillment.reservation() == ReservationState.RELEASED && fulfillment.assignedAt() == null) {
            // cancelled while its reservation was on the way: the release went out before the units were held
            String commandId = fulfillmentId + ":release:LATE_CONFIRMATION";
            if (outbox.stream().noneMatch(message -> message.id().equals(commandId))) {
                send(Topics.ORDERS_COMMANDS, id, commandId, new ReleaseStock(commandId, id, fulfillmentId,
                        fulfillment.storeId(), stockLines(fulfillment.held()), "CANCELLED", now));
                refresh(now);
                return true;
            }
            return false;
        }
        if (fulfillment == null || fulfillment.reservation() != ReservationState.PENDING
                || fulfillment.status() != FulfillmentStatus.CREATED) {
            return false;
        }
        fulfillment.assigned(now, acceptBy, pushToErp);
        // FulfillmentAssigned is the announcement: no CREATED → ASSIGNED FulfillmentStatusChanged beside it (the
        // lifecycle topic tells what follows the offer; a record per order that no consumer reads)
        send(Topics.ORDERS_FULFILLMENT_ASSIGNED, fulfillment.storeId(), fulfillmentId + ":assigned",
                assignedEvent(fulfillment));
        refresh(now);
        return true;
    }

    /**
     * Inventory could not hold the fulfilment's stock: it never reaches the store; its lines go back to routing
     * with the store excluded for those EANs. Answers false for a late or repeated refusal.
     */
    public boolean reservationRefused(String fulfillmentId, Instant now) {
        Fulfillment fulfillment = fulfillment(fulfillmentId).orElse(null);
        if (fulfillment == null || fulfillment.reservation() != ReservationState.PENDING) {
            return false;
        }
        fulfillment.reservation(ReservationState.REFUSED);
        fulfillment.moveTo(FulfillmentStatus.CANCELLED, now, "RESERVATION_REFUSED");
        fulfillment.handBack();
        exclusions.add(new Exclusion(fulfillment.storeId(),
                fulfillment.lines().stream().map(FulfillmentLine::ean).collect(Collectors.toSet()),
                "RESERVATION_REFUSED"));
        dueForRouting("RESERVATION_REFUSED");
        refresh(now);
        return true;
    }

    // ---- the store's answer -------------------------------------------------------------------------------

    /** What an answer did: applied now, or the same answer again (nothing changed). */
    public enum Outcome {
        APPLIED, REPEATED
    }

    /**
     * The store's answer. Accepted units stay held; rejected ones are released ({@code ReleaseStock}), marked out
     * of stock at the store when the reason is NOT_IN_STOCK ({@code MarkOutOfStock}) and handed back to routing
     * with the store excluded from the order. The same answer again changes nothing; a different one is refused.
     */
    public Outcome answer(String fulfillmentId, Acceptance answer, Instant now) {
        Fulfillment fulfillment = fulfillment(fulfillmentId).orElseThrow();
        if (fulfillment.acceptance() != null) {
            if (fulfillment.acceptance().sameAnswerAs(answer)) {
                return Outcome.REPEATED;
            }
            throw new OrderConflictException("Fulfillment " + fulfillmentId + " was already answered "
                    + fulfillment.acceptance().decision() + " at " + fulfillment.acceptance().answeredAt()
                    + "; a different answer is refused");
        }
        if (fulfillment.status() != FulfillmentStatus.ASSIGNED) {
            throw new OrderConflictException("Fulfillment " + fulfillmentId + " is " + fulfillment.status()
                    + "; only an ASSIGNED fulfilment can be accepted or rejected");
        }
        Map<String, Long> rejected = new LinkedHashMap<>();
        Map<String, RejectReason> reasons = new LinkedHashMap<>();
        switch (answer.decision()) {
            case ACCEPT_ALL -> { }
            case REJECT_ALL -> fulfillment.held().forEach(held -> {
                rejected.put(held.ean(), held.quantity());
                reasons.put(held.ean(), answer.reason());
            });
            case PARTIAL -> {
                validatePartial(fulfillment, answer);
                answer.lines().stream().filter(line -> line.rejectedQuantity() > 0).forEach(line -> {
                    rejected.put(line.ean(), line.rejectedQuantity());
                    reasons.put(line.ean(), line.reason());
                });
            }
            default -> throw new IllegalArgumentException("unknown decision " + answer.decision());
        }
        fulfillment.answered(new Acceptance(answer.decision(), answer.reason(), answer.lines(), now));
        fulfillment.stopPushing();
        if (rejected.isEmpty()) {
            fulfillment.moveTo(FulfillmentStatus.ACCEPTED, now, null);
            statusChanged(fulfillment, FulfillmentStatus.ASSIGNED, null, now);
            refresh(now);
            return Outcome.APPLIED;
        }
        rejected.forEach((ean, units) -> fulfillment.line(ean).orElseThrow().reject(units, reasons.get(ean).name()));
        boolean nothingLeft = fulfillment.held().isEmpty();
        String reason = reasons.values().stream().distinct().map(Enum::name).collect(Collectors.joining(","));
        reasons.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue, LinkedHashMap::new,
                Collectors.mapping(Map.Entry::getKey, Collectors.toList()))).forEach((why, eans) -> {
                    List<StockLine> released = eans.stream().map(ean -> new StockLine(ean, rejected.get(ean)))
                            .toList();
                    String commandId = fulfillmentId + ":release:" + why.name();
                    send(Topics.ORDERS_COMMANDS, id, commandId, new ReleaseStock(commandId, id, fulfillmentId,
                            fulfillment.storeId(), released, "REJECTED:" + why.name(), now));
                    if (why == RejectReason.NOT_IN_STOCK) {
                        String outOfStockId = fulfillmentId + ":out-of-stock";
                        send(Topics.ORDERS_COMMANDS, id, outOfStockId, new MarkOutOfStock(outOfStockId, id,
                                fulfillmentId, fulfillment.storeId(), eans, now));
                    }
                });
        exclusions.add(new Exclusion(fulfillment.storeId(), Set.of(), "REJECTED:" + reason));
        reroutes.add(new Reroute(fulfillmentId, fulfillment.storeId(), rejected.entrySet().stream()
                .map(entry -> new StoreQuantity(entry.getKey(), entry.getValue())).toList(), reason));
        if (nothingLeft) {
            fulfillment.reservation(ReservationState.RELEASED);
            fulfillment.moveTo(FulfillmentStatus.REJECTED, now, reason);
            fulfillment.handBack();
        } else {
            fulfillment.moveTo(FulfillmentStatus.ACCEPTED, now, "PARTIAL:" + reason);
        }
        statusChanged(fulfillment, FulfillmentStatus.ASSIGNED, nothingLeft ? reason : "PARTIAL:" + reason, now);
        dueForRouting("REJECTED:" + reason);
        refresh(now);
        return Outcome.APPLIED;
    }

    private static void validatePartial(Fulfillment fulfillment, Acceptance answer) {
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < answer.lines().size(); i++) {
            Acceptance.Line line = answer.lines().get(i);
            String field = "lines[" + i + "]";
            Optional<FulfillmentLine> held = fulfillment.line(line.ean());
            if (held.isEmpty() || held.get().quantity() == 0) {
                errors.add(new InvalidRequestException.FieldError(field + ".ean",
                        "fulfillment " + fulfillment.id() + " has no line " + line.ean()));
                continue;
            }
            if (!seen.add(line.ean())) {
                errors.add(new InvalidRequestException.FieldError(field + ".ean", "answered twice"));
            }
            if (line.acceptedQuantity() + line.rejectedQuantity() != held.get().quantity()) {
                errors.add(new InvalidRequestException.FieldError(field, "acceptedQuantity + rejectedQuantity must be "
                        + held.get().quantity() + ", the line's quantity"));
            }
            if (line.rejectedQuantity() > 0 && line.reason() == null) {
                errors.add(new InvalidRequestException.FieldError(field + ".reason",
                        "required when rejectedQuantity > 0 (NOT_IN_STOCK, DAMAGED, NO_CAPACITY, OTHER)"));
            }
        }
        fulfillment.held().stream().filter(held -> !seen.contains(held.ean())).forEach(held -> errors.add(
                new InvalidRequestException.FieldError("lines", "line " + held.ean() + " is not answered")));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * Fulfilments still unanswered at {@code now} past their deadline are withdrawn from their store
     * ({@code FulfillmentWithdrawn}), their stock released and their lines re-routed without that store.
     */
    public List<String> withdrawExpired(Instant now) {
        List<String> withdrawn = new ArrayList<>();
        for (Fulfillment fulfillment : fulfillments) {
            if (fulfillment.status() != FulfillmentStatus.ASSIGNED || fulfillment.acceptBy() == null
                    || fulfillment.acceptBy().isAfter(now)) {
                continue;
            }
            String reason = "DEADLINE_PASSED";
            List<StoreQuantity> held = fulfillment.held();
            fulfillment.reservation(ReservationState.RELEASED);
            fulfillment.moveTo(FulfillmentStatus.CANCELLED, now, reason);
            fulfillment.handBack();
            String releaseId = fulfillment.id() + ":release:" + reason;
            send(Topics.ORDERS_COMMANDS, id, releaseId, new ReleaseStock(releaseId, id, fulfillment.id(),
                    fulfillment.storeId(), stockLines(held), reason, now));
            send(Topics.ORDERS_FULFILLMENT_ASSIGNED, fulfillment.storeId(), fulfillment.id() + ":withdrawn",
                    new FulfillmentWithdrawn(fulfillment.id(), id, fulfillment.storeId(), reason, now));
            statusChanged(fulfillment, FulfillmentStatus.ASSIGNED, reason, now);
            exclusions.add(new Exclusion(fulfillment.storeId(), Set.of(), reason));
            reroutes.add(new Reroute(fulfillment.id(), fulfillment.storeId(), held, reason));
            withdrawn.add(fulfillment.id());
        }
        if (!withdrawn.isEmpty()) {
            dueForRouting("DEADLINE_PASSED");
            refresh(now);
        }
        return withdrawn;
    }

    // ---- the lifecycle ------------------------------------------------------------------------------------

    /**
     * A status the store (or an operator) reports: checked against {@link FulfillmentTransitions}, with its
     * effect on the stock (consume, release, restock) sent to inventory. The same status again changes nothing.
     */
    public Outcome changeStatus(String fulfillmentId, FulfillmentStatus target, String carrier, String trackingCode,
            Instant now) {
        Fulfillment fulfillment = fulfillment(fulfillmentId).orElseThrow();
        FulfillmentStatus from = fulfillment.status();
        if (from == target) {
            return Outcome.REPEATED;
        }
        Set<FulfillmentStatus> requestable = FulfillmentTransitions.requestable(from);
        if (!requestable.contains(target)) {
            List<String> allowed = requestable.stream().sorted().map(status -> status.code() + " " + status.name())
                    .toList();
            String hint = from == FulfillmentStatus.ASSIGNED
                    ? " (accept or reject it with POST /api/v1/fulfillments/" + fulfillmentId + "/acceptance)" : "";
            throw new OrderConflictException("Fulfillment " + fulfillmentId + " is " + from.code() + " " + from
                    + " and cannot move to " + target.code() + " " + target + "; allowed: "
                    + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + hint, allowed);
        }
        StockEffect effect = FulfillmentTransitions.effect(from, target);
        List<StockLine> held = stockLines(fulfillment.held());
        switch (effect) {
            case CONSUME -> {
                fulfillment.reservation(ReservationState.CONSUMED);
                String commandId = fulfillmentId + ":consume";
                send(Topics.ORDERS_COMMANDS, id, commandId, new ConsumeStock(commandId, id, fulfillmentId,
                        fulfillment.storeId(), held, now));
            }
            case RELEASE -> {
                fulfillment.reservation(ReservationState.RELEASED);
                String commandId = fulfillmentId + ":release:" + target.name();
                send(Topics.ORDERS_COMMANDS, id, commandId, new ReleaseStock(commandId, id, fulfillmentId,
                        fulfillment.storeId(), held, target.name(), now));
            }
            case RESTOCK -> {
                List<StoreQuantity> rest = fulfillment.lines().stream()
                        .filter(line -> line.quantity() - line.returned() > 0)
                        .map(line -> new StoreQuantity(line.ean(), line.quantity() - line.returned())).toList();
                if (!rest.isEmpty()) {
                    recordReturnOf(fulfillment, fulfillmentId + ":returned", rest, null, null, now);
                }
            }
            case NONE -> { }
            default -> throw new IllegalStateException("unknown effect " + effect);
        }
        fulfillment.shipping(carrier, trackingCode);
        fulfillment.stopPushing();
        fulfillment.moveTo(target, now, null);
        statusChanged(fulfillment, from, null, now);
        refresh(now);
        return Outcome.APPLIED;
    }

    /**
     * Units of a delivered fulfilment returned in its store: back on hand ({@code RestockReturn}) and announced
     * ({@code ReturnRecorded}, with the coupon asked for). Never more than was delivered and not yet returned; the
     * same return id again with the same lines changes nothing. When everything is back, the fulfilment is
     * RETURNED.
     */
    public Outcome recordReturn(String fulfillmentId, String returnId, List<StoreQuantity> returned,
            BigDecimal couponAmount, String couponCurrency, Instant now) {
        Fulfillment fulfillment = fulfillment(fulfillmentId).orElseThrow();
        for (Fulfillment any : fulfillments) {
            Optional<ReturnRecord> earlier = any.returnOf(returnId);
            if (earlier.isPresent()) {
                if (any == fulfillment && earlier.get().sameRequestAs(returned, couponAmount, couponCurrency)) {
                    return Outcome.REPEATED;
                }
                throw new OrderConflictException("Return " + returnId + " was already recorded with other lines");
            }
        }
        if (fulfillment.status() != FulfillmentStatus.DELIVERED) {
            throw new OrderConflictException("Fulfillment " + fulfillmentId + " is " + fulfillment.status()
                    + "; only a DELIVERED fulfilment takes returns");
        }
        List<InvalidRequestException.FieldError> invalid = new ArrayList<>();
        List<String> beyond = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < returned.size(); i++) {
            StoreQuantity line = returned.get(i);
            Optional<FulfillmentLine> delivered = fulfillment.line(line.ean()).filter(held -> held.quantity() > 0);
            if (delivered.isEmpty()) {
                invalid.add(new InvalidRequestException.FieldError("lines[" + i + "].ean",
                        "fulfillment " + fulfillmentId + " delivered no " + line.ean()));
            } else if (!seen.add(line.ean())) {
                invalid.add(new InvalidRequestException.FieldError("lines[" + i + "].ean", "listed twice"));
            } else if (line.quantity() > delivered.get().quantity() - delivered.get().returned()) {
                beyond.add(line.ean() + ": " + line.quantity() + " asked, "
                        + (delivered.get().quantity() - delivered.get().returned()) + " returnable");
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(invalid);
        }
        if (!beyond.isEmpty()) {
            throw new OrderConflictException("More than was delivered and not yet returned: "
                    + String.join("; ", beyond), beyond);
        }
        recordReturnOf(fulfillment, returnId, returned, couponAmount, couponCurrency, now);
        boolean allBack = fulfillment.lines().stream().allMatch(line -> line.returned() >= line.quantity());
        if (allBack) {
            fulfillment.moveTo(FulfillmentStatus.RETURNED, now, "RETURNED_IN_STORE");
            statusChanged(fulfillment, FulfillmentStatus.DELIVERED, "RETURNED_IN_STORE", now);
        }
        refresh(now);
        return Outcome.APPLIED;
    }

    private void recordReturnOf(Fulfillment fulfillment, String returnId, List<StoreQuantity> returned,
            BigDecimal couponAmount, String couponCurrency, Instant now) {
        fulfillment.returned(new ReturnRecord(returnId, returned, couponAmount, couponCurrency, now));
        List<StockLine> units = stockLines(returned);
        String restockId = returnId + ":restock";
        send(Topics.ORDERS_COMMANDS, id, restockId, new RestockReturn(restockId, id, fulfillment.id(),
                fulfillment.storeId(), returnId, units, now));
        CouponRequest coupon = couponAmount == null ? null
                : new CouponRequest(couponAmount, couponCurrency, "RETURN_IN_STORE");
        send(Topics.ORDERS_LIFECYCLE, id, returnId + ":recorded", new ReturnRecorded(returnId, id, siteId,
                fulfillment.id(), fulfillment.storeId(), customer == null ? null : customer.document(), units,
                coupon, now));
    }

    // ---- the store's ERP endpoint -------------------------------------------------------------------------

    /** Records the outcome of pushing an assignment to the store's ERP endpoint. */
    public void erpPushed(String fulfillmentId, Function<ErpPush, ErpPush> outcome, Instant now) {
        Fulfillment fulfillment = fulfillment(fulfillmentId).orElseThrow();
        if (fulfillment.erpPush() != null && fulfillment.erpPush().state() == ErpPush.State.PENDING) {
            fulfillment.erpPush(outcome.apply(fulfillment.erpPush()));
            refresh(now);
        }
    }

    /** The fulfilments whose assignment still waits to reach the store's ERP endpoint at {@code now}. */
    public List<Fulfillment> erpPushesDue(Instant now) {
        return fulfillments.stream().filter(fulfillment -> fulfillment.status() == FulfillmentStatus.ASSIGNED)
                .filter(fulfillment -> fulfillment.erpPush() != null
                        && fulfillment.erpPush().state() == ErpPush.State.PENDING
                        && !fulfillment.erpPush().nextAttemptAt().isAfter(now))
                .toList();
    }

    /** The assignment as the store's ERP reads it, on Kafka or at its endpoint. */
    public FulfillmentAssigned assignedEvent(Fulfillment fulfillment) {
        List<AssignedLine> assigned = fulfillment.lines().stream().filter(line -> line.quantity() > 0)
                .map(line -> new AssignedLine(line.ean(), line.reference(), line.name(), line.quantity(),
                        line.unitPrice()))
                .toList();
        return new FulfillmentAssigned(fulfillment.id(), id, siteId, channelOrderId, fulfillment.storeId(), journey,
                assigned, customer, shippingAddress, fulfillment.acceptBy(), fulfillment.assignedAt());
    }

    // ---- the outbox ---------------------------------------------------------------------------------------

    /** Removes the messages the broker acknowledged; answers whether any was still there. */
    public boolean sent(Collection<String> messageIds, Instant now) {
        boolean removed = outbox.removeIf(message -> messageIds.contains(message.id()));
        if (removed) {
            unpublished = !outbox.isEmpty();
            changed = true;
        }
        return removed;
    }

    void written() {
        revision++;
        changed = false;
    }

    public void markWritten() {
        written();
    }

    /**
     * The correlation id of the work about to change the order (null: none, e.g. a background loop): the messages
     * the change owes carry it, or the order's own when there is none, so that everything that happens to an order
     * without anyone asking (a deadline passing) can still be found by the id its channel got when placing it.
     */
    public void workingFor(String correlationId) {
        working = correlationId;
    }

    // ---- internals ----------------------------------------------------------------------------------------

    private void dueForRouting(String trigger) {
        routingDue = true;
        routingTrigger = trigger;
        routingCorrelationId = correlation();
    }

    private void statusChanged(Fulfillment fulfillment, FulfillmentStatus previous, String reason, Instant now) {
        int step = fulfillment.timeline().size();
        send(Topics.ORDERS_LIFECYCLE, id, fulfillment.id() + ":status:" + step, new FulfillmentStatusChanged(id,
                siteId, channelOrderId, fulfillment.id(), fulfillment.storeId(), fulfillment.status(), previous,
                reason, now));
    }

    private void send(String topic, String key, String messageId, Object event) {
        outbox.add(new OutboxMessage(messageId, topic, key, event, correlation()));
    }

    private String correlation() {
        return working != null ? working : correlationId;
    }

    private String nextFulfillmentId() {
        return "ful-" + (id.startsWith("ord-") ? id.substring(4) : id) + "-" + (++fulfillmentSequence);
    }

    private void refresh(Instant now) {
        status = OrderStatusPolicy.derive(lines, fulfillments, routingDue);
        nextDeadline = fulfillments.stream().filter(fulfillment -> fulfillment.status() == FulfillmentStatus.ASSIGNED)
                .map(Fulfillment::acceptBy).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        nextErpPush = fulfillments.stream().filter(fulfillment -> fulfillment.status() == FulfillmentStatus.ASSIGNED)
                .map(Fulfillment::erpPush).filter(push -> push != null && push.state() == ErpPush.State.PENDING)
                .map(ErpPush::nextAttemptAt).min(Instant::compareTo).orElse(null);
        storeIds = fulfillments.stream().map(Fulfillment::storeId).distinct().collect(Collectors.toList());
        fulfillmentIds = fulfillments.stream().map(Fulfillment::id).collect(Collectors.toList());
        unpublished = !outbox.isEmpty();
        updatedAt = now;
        changed = true;
    }

    private static List<StockLine> stockLines(List<StoreQuantity> quantities) {
        return quantities.stream().map(quantity -> new StockLine(quantity.ean(), quantity.quantity())).toList();
    }
}
