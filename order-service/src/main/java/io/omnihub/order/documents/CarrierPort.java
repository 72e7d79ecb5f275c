package io.omnihub.order.documents;

/** A carrier that books a shipment: it gives the tracking code and the printable label (a PDF). */
interface CarrierPort {

    /** Books {@code shipment}; throws {@link CarrierUnavailableException} when the carrier cannot answer now. */
    CarrierLabel book(Shipment shipment);
}
