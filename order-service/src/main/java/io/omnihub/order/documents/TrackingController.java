package io.omnihub.order.documents;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.platform.security.StoreScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/orders/{id}/tracking}: every fulfilment of the order with its statuses and their times, its
 * carrier and tracking code, and the documents there are. A store's key sees its own fulfilments only (403 when
 * it has none in the order).
 */
@RestController
class TrackingController {

    private final Shipments shipments;
    private final FulfillmentDocumentsRepository documents;

    TrackingController(Shipments shipments, FulfillmentDocumentsRepository documents) {
        this.shipments = shipments;
        this.documents = documents;
    }

    @GetMapping("/api/v1/orders/{id}/tracking")
    TrackingResponse tracking(@PathVariable String id, Identity identity) {
        Shipments.OrderShipments order = shipments.byOrder(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Order " + id + " does not exist"));
        List<Shipment> visible = order.fulfillments().stream()
                .filter(fulfillment -> identity.covers(fulfillment.storeId())).toList();
        if (visible.isEmpty() && !identity.allStores()) {
            // 403, not an empty list: the key learns nothing about which stores serve this order
            StoreScope.requireStore(identity, order.fulfillments().isEmpty() ? "(none)"
                    : order.fulfillments().get(0).storeId());
        }
        Map<String, FulfillmentDocuments> byFulfillment = documents.ofOrder(id).stream()
                .collect(Collectors.toMap(FulfillmentDocuments::fulfillmentId, Function.identity()));
        return new TrackingResponse(order.orderId(), order.channelOrderId(), order.status(), visible.stream()
                .map(fulfillment -> FulfillmentTracking.of(fulfillment, byFulfillment.get(fulfillment.fulfillmentId())))
                .toList());
    }

    /** The order and what each of its fulfilments went through. */
    record TrackingResponse(String orderId, String channelOrderId, String status,
            List<FulfillmentTracking> fulfillments) {
    }

    /** One fulfilment's journey; carrier and tracking code come from its status updates, else from its label. */
    record FulfillmentTracking(String fulfillmentId, String storeId, String status, int statusCode,
            boolean rerouted, String carrier, String trackingCode, List<Step> timeline, Documents documents) {

        static FulfillmentTracking of(Shipment shipment, FulfillmentDocuments stored) {
            FulfillmentDocuments.ShippingLabel label = stored == null ? null : stored.shippingLabel();
            FulfillmentDocuments.StoredDocument proof = stored == null ? null : stored.proofOfDelivery();
            String base = "/api/v1/fulfillments/" + shipment.fulfillmentId();
            String carrier = shipment.carrier() != null ? shipment.carrier() : label == null ? null : label.carrier();
            String trackingCode = shipment.trackingCode() != null ? shipment.trackingCode()
                    : label == null ? null : label.trackingCode();
            return new FulfillmentTracking(shipment.fulfillmentId(), shipment.storeId(), name(shipment.status()),
                    shipment.status() == null ? -1 : shipment.status().code(), shipment.rerouted(), carrier,
                    trackingCode,
                    shipment.timeline().stream().map(Step::of).toList(),
                    new Documents(proof == null ? null : new DocumentLink(base + "/proof-of-delivery",
                            proof.contentType(), proof.storedAt(), null),
                            label == null ? null : new DocumentLink(base + "/shipping-label", "application/pdf",
                                    label.createdAt(), label.trackingCode())));
        }

        private static String name(FulfillmentStatus status) {
            return status == null ? null : status.name();
        }
    }

    /** A status, when the fulfilment reached it, and why when a reason was given. */
    record Step(String status, int code, Instant at, String reason) {

        static Step of(Shipment.StatusChange change) {
            return new Step(change.status().name(), change.status().code(), change.at(), change.reason());
        }
    }

    /** The documents available; null when there is none of that kind yet. */
    record Documents(DocumentLink proofOfDelivery, DocumentLink shippingLabel) {
    }

    /** Where to get a document. */
    record DocumentLink(String href, String contentType, Instant storedAt, String trackingCode) {
    }
}
