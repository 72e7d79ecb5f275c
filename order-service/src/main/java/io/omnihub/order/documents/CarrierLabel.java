package io.omnihub.order.documents;

/** A booked shipment: the carrier's name, its tracking code and the label's PDF bytes. */
record CarrierLabel(String carrier, String trackingCode, byte[] pdf) {
}
