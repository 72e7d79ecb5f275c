package io.omnihub.order.model;

import java.math.BigDecimal;

/**
 * One EAN of a fulfilment. {@code quantity} is what the store holds for the order now: what it was given, less
 * what it rejected; {@code returned} counts units given back in store after delivery.
 */
public class FulfillmentLine {

    private String ean;
    private String reference;
    private String name;
    private long assigned;
    private long quantity;
    private long rejected;
    private String rejectReason;
    private long returned;
    private BigDecimal unitPrice;

    protected FulfillmentLine() {
    }

    FulfillmentLine(String ean, String reference, String name, long quantity, BigDecimal unitPrice) {
        this.ean = ean;
        this.reference = reference;
        this.name = name;
        this.assigned = quantity;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public String ean() {
        return ean;
    }

    public String reference() {
        return reference;
    }

    public String name() {
        return name;
    }

    /** What the store was asked for. */
    public long assigned() {
        return assigned;
    }

    /** What the store holds for the order (assigned − rejected). */
    public long quantity() {
        return quantity;
    }

    public long rejected() {
        return rejected;
    }

    public String rejectReason() {
        return rejectReason;
    }

    public long returned() {
        return returned;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    void reject(long units, String reason) {
        quantity -= units;
        rejected += units;
        rejectReason = reason;
    }

    void giveBack(long units) {
        returned += units;
    }
}
