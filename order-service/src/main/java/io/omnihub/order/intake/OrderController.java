package io.omnihub.order.intake;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.platform.security.StoreScope;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Orders from the channels. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final IntakeService intake;
    private final OrderRepository orders;

    OrderController(IntakeService intake, OrderRepository orders) {
        this.intake = intake;
        this.orders = orders;
    }

    /** 202: stored (routing follows within milliseconds); a retry answers the first order's id again. */
    @PostMapping
    ResponseEntity<Map<String, String>> place(Identity identity,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody CreateOrderRequest request) {
        StoreScope.requireRole(identity, Role.CHANNEL, Role.OPERATOR, Role.ERP);
        Order order = intake.receive(identity.client(), idempotencyKey, request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/orders/" + order.id()))
                .body(Map.of("orderId", order.id(), "status", "RECEIVED"));
    }

    /** The order; a store's key sees only orders it has a fulfilment of. */
    @GetMapping("/{orderId}")
    OrderResponse get(Identity identity, @PathVariable String orderId) {
        Order order = orders.find(orderId).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + orderId));
        if (!identity.allStores() && order.storeIds().stream().noneMatch(identity::covers)) {
            StoreScope.requireStore(identity, order.storeIds().isEmpty() ? "*" : order.storeIds().get(0));
        }
        return OrderResponse.of(order);
    }
}
