package io.omnihub.order.fulfillment;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.order.intake.OrderResponse.FulfillmentResponse;
import io.omnihub.order.model.Fulfillment;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.order.model.InvalidRequestException;
import io.omnihub.platform.security.StoreScope;
import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A store's fulfilments: read, poll, answer, move along, take returns. Every call checks the store scope. */
@RestController
class FulfillmentController {

    private final FulfillmentService fulfillments;
    private final OrderRepository orders;

    FulfillmentController(FulfillmentService fulfillments, OrderRepository orders) {
        this.fulfillments = fulfillments;
        this.orders = orders;
    }

    @GetMapping("/api/v1/fulfillments/{fulfillmentId}")
    FulfillmentResponse get(Identity identity, @PathVariable String fulfillmentId) {
        Order order = fulfillments.scoped(identity, fulfillmentId);
        return FulfillmentResponse.of(order, order.fulfillment(fulfillmentId).orElseThrow());
    }

    @PostMapping("/api/v1/fulfillments/{fulfillmentId}/acceptance")
    AcceptanceResponse answer(Identity identity, @PathVariable String fulfillmentId,
            @Valid @RequestBody AcceptanceRequest request) {
        return fulfillments.answer(identity, fulfillmentId, request);
    }

    @PostMapping("/api/v1/fulfillments/{fulfillmentId}/status")
    FulfillmentResponse status(Identity identity, @PathVariable String fulfillmentId,
            @Valid @RequestBody StatusRequest request) {
        Fulfillment moved = fulfillments.changeStatus(identity, fulfillmentId, request);
        return FulfillmentResponse.of(orders.findByFulfillment(fulfillmentId).orElseThrow(), moved);
    }

    @PostMapping("/api/v1/fulfillments/{fulfillmentId}/returns")
    ResponseEntity<ReturnResponse> returns(Identity identity, @PathVariable String fulfillmentId,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody ReturnRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(fulfillments.recordReturn(identity, fulfillmentId, idempotencyKey, request));
    }

    /**
     * The store's fulfilments (ERP polling), oldest first; {@code status} by name or code (all when absent),
     * {@code siteId} optional.
     */
    @GetMapping("/api/v1/stores/{storeId}/fulfillments")
    Map<String, Object> ofStore(Identity identity, @PathVariable String storeId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String siteId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        StoreScope.requireStore(identity, storeId);
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidRequestException("page", "page from 0, size 1-200");
        }
        FulfillmentStatus wanted = status == null ? null : FulfillmentStatus.parse(status).orElseThrow(
                () -> new InvalidRequestException("status", "'" + status + "' is not a status code 0-8 nor a name"));
        List<FulfillmentResponse> matching = orders.ofStore(storeId, siteId, wanted).stream()
                .flatMap(order -> order.fulfillments().stream()
                        .filter(fulfillment -> fulfillment.storeId().equals(storeId))
                        .filter(fulfillment -> wanted == null || fulfillment.status() == wanted)
                        .map(fulfillment -> FulfillmentResponse.of(order, fulfillment)))
                .sorted(Comparator.comparing(FulfillmentResponse::createdAt)
                        .thenComparing(FulfillmentResponse::fulfillmentId))
                .toList();
        int from = (int) Math.min((long) page * size, matching.size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", matching.subList(from, Math.min(from + size, matching.size())));
        answer.put("page", page);
        answer.put("size", size);
        answer.put("totalItems", matching.size());
        answer.put("totalPages", (matching.size() + size - 1) / size);
        return answer;
    }
}
