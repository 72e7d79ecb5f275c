package io.omnihub.order.model;

import io.omnihub.contracts.orders.FulfillmentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines of an order one store fulfils, from the reservation of their stock to delivery and returns. Lives
 * inside its {@link Order} (one document), so every change to it is written together with the order's outbox.
 */
public class Fulfillment {

    private String id;
    private String storeId;
    private FulfillmentStatus status;
    private List<FulfillmentLine> lines = new ArrayList<>();
    private ReservationState reservation;
    private Instant createdAt;
    private Instant assignedAt;
    private Instant acceptBy;
    private Acceptance acceptance;
    private String carrier;
    private String trackingCode;
    private List<TimelineEntry> timeline = new ArrayList<>();
    private ErpPush erpPush;
    private List<ReturnRecord> returns = new ArrayList<>();
    private boolean rerouted;

    protected Fulfillment() {
    }

    Fulfillment(String id, String storeId, List<FulfillmentLine> lines, Instant now) {
        this.id = id;
        this.storeId = storeId;
        this.lines = new ArrayList<>(lines);
        this.status = FulfillmentStatus.CREATED;
        this.reservation = ReservationState.PENDING;
        this.createdAt = now;
        this.timeline.add(new TimelineEntry(FulfillmentStatus.CREATED, now, null, null, null));
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public FulfillmentStatus status() {
        return status;
    }

    public List<FulfillmentLine> lines() {
        return List.copyOf(lines);
    }

    public Optional<FulfillmentLine> line(String ean) {
        return lines.stream().filter(line -> line.ean().equals(ean)).findFirst();
    }

    public ReservationState reservation() {
        return reservation;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When its stock was reserved and it was offered to the store; null before. */
    public Instant assignedAt() {
        return assignedAt;
    }

    /** After this instant an unanswered fulfilment is withdrawn and re-routed; null before assignment. */
    public Instant acceptBy() {
        return acceptBy;
    }

    /** The store's answer; null while unanswered. */
    public Acceptance acceptance() {
        return acceptance;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingCode() {
        return trackingCode;
    }

    /** Every status it went through, oldest first, starting with CREATED. */
    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    /** Delivery to the store's ERP endpoint; null when the store has none. */
    public ErpPush erpPush() {
        return erpPush;
    }

    public List<ReturnRecord> returns() {
        return List.copyOf(returns);
    }

    /**
     * True when its lines were handed back to routing (reservation refused, rejected in full, withdrawn at the
     * deadline): it no longer counts towards the order. A partially rejected fulfilment stays; only its
     * rejected quantities were handed back.
     */
    public boolean rerouted() {
        return rerouted;
    }

    /** The units it holds for the order, line by line (lines down to zero left out). */
    public List<StoreQuantity> held() {
        return lines.stream().filter(line -> line.quantity() > 0)
                .map(line -> new StoreQuantity(line.ean(), line.quantity())).toList();
    }

    void moveTo(FulfillmentStatus next, Instant at, String reason) {
        status = next;
        timeline.add(new TimelineEntry(next, at, reason, carrier, trackingCode));
    }

    void assigned(Instant at, Instant deadline, boolean pushToErp) {
        reservation = ReservationState.CONFIRMED;
        assignedAt = at;
        acceptBy = deadline;
        erpPush = pushToErp ? ErpPush.pending(at) : null;
        moveTo(FulfillmentStatus.ASSIGNED, at, null);
    }

    void reservation(ReservationState state) {
        reservation = state;
    }

    void answered(Acceptance answer) {
        acceptance = answer;
    }

    void shipping(String carrierName, String tracking) {
        if (carrierName != null) {
            carrier = carrierName;
        }
        if (tracking != null) {
            trackingCode = tracking;
        }
    }

    void handBack() {
        rerouted = true;
        stopPushing();
    }

    void stopPushing() {
        if (erpPush != null) {
            erpPush = erpPush.abandoned();
        }
    }

    void erpPush(ErpPush push) {
        erpPush = push;
    }

    void returned(ReturnRecord record) {
        returns.add(record);
        record.lines().forEach(returned -> line(returned.ean()).orElseThrow().giveBack(returned.quantity()));
    }

    Optional<ReturnRecord> returnOf(String returnId) {
        return returns.stream().filter(record -> record.returnId().equals(returnId)).findFirst();
    }
}
