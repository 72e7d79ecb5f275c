package io.omnihub.order.model;

import java.math.BigDecimal;

/**
 * A line of the order as the channel sent it, enriched with the catalog's attributes when the product is known.
 * {@code unfulfillable} counts the units no store could take.
 */
public class OrderLine {

    private String ean;
    private String reference;
    private String name;
    private String brand;
    private String category;
    private long quantity;
    private BigDecimal unitPrice;
    private BigDecimal catalogPrice;
    private long unfulfillable;

    protected OrderLine() {
    }

    public OrderLine(String ean, String reference, String name, String brand, String category, long quantity,
            BigDecimal unitPrice, BigDecimal catalogPrice) {
        this.ean = ean;
        this.reference = reference;
        this.name = name;
        this.brand = brand;
        this.category = category;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.catalogPrice = catalogPrice;
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

    public String brand() {
        return brand;
    }

    public String category() {
        return category;
    }

    public long quantity() {
        return quantity;
    }

    /** The price the channel sold it at (the catalog's discounted price when the channel sent none). */
    public BigDecimal unitPrice() {
        return unitPrice;
    }

    /** The catalog's list price when the order was received; null for a product the catalog did not know. */
    public BigDecimal catalogPrice() {
        return catalogPrice;
    }

    public long unfulfillable() {
        return unfulfillable;
    }

    void addUnfulfillable(long units) {
        unfulfillable += units;
    }
}
