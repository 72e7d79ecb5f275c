package io.omnihub.order.routing;

/** Units of one EAN to place. */
public record Demand(String ean, long quantity) {

    public Demand {
        if (ean == null || quantity < 1) {
            throw new IllegalArgumentException("a demand needs an EAN and a positive quantity");
        }
    }
}
