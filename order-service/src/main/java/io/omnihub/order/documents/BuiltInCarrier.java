package io.omnihub.order.documents;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * The carrier omnihub brings along: it numbers the parcel itself ({@link TrackingCodes}) and prints its own
 * 4x6 in label, for stores that hand parcels to a courier without an API, or to a local delivery fleet.
 */
class BuiltInCarrier implements CarrierPort {

    private final String name;
    private final RandomGenerator random;

    BuiltInCarrier(String name) {
        this(name, new SecureRandom());
    }

    BuiltInCarrier(String name, RandomGenerator random) {
        this.name = name;
        this.random = random;
    }

    @Override
    public CarrierLabel book(Shipment shipment) {
        String trackingCode = TrackingCodes.random(random);
        byte[] pdf = LabelRenderer.render(LabelLayout.of(shipment, name, trackingCode));
        return new CarrierLabel(name, trackingCode, pdf);
    }
}
