package io.omnihub.order.intake;

import io.omnihub.contracts.orders.Address;
import io.omnihub.contracts.orders.Customer;
import io.omnihub.contracts.orders.Journey;
import io.omnihub.order.catalog.Catalog;
import io.omnihub.order.catalog.CatalogProduct;
import io.omnihub.order.model.InvalidRequestException;
import io.omnihub.order.model.InvalidRequestException.FieldError;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderLine;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.order.routing.Router;
import io.omnihub.platform.web.CorrelationId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Takes a channel's order: checks it, enriches its lines from the catalog projection and stores it (with its
 * {@code OrderReceived}), routed at once (its first decision and ReserveStock commands), in one insert. Idempotent twice over: by the caller's Idempotency-Key and by the
 * channel's own order id per site, both unique in MongoDB, so a retried POST (even racing the first) never
 * makes a second order and gets the first one's answer.
 */
@Service
class IntakeService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final OrderRepository orders;
    private final Catalog catalog;
    private final Router router;
    private final Clock clock;

    IntakeService(OrderRepository orders, Catalog catalog, Router router, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.router = router;
        this.clock = clock;
    }

    /**
     * The stored order for this request: the new one, or the first one made for the same key or channel order.
     * The insert comes first and a retry is recognised by its unique keys (no look-up before every new order: that
     * was two MongoDB queries per order for the rare retry).
     */
    Order receive(String client, String idempotencyHeader, CreateOrderRequest request) {
        String idempotencyKey = idempotencyHeader == null || idempotencyHeader.isBlank()
                ? "channel:" + Order.channelKey(request.siteId(), request.channelOrderId())
                : "key:" + client + ":" + idempotencyHeader.strip();
        List<OrderLine> lines;
        try {
            lines = lines(request);
        } catch (InvalidRequestException invalid) {
            // a retry of an order taken before gets that order, even if the catalog has changed since
            return earlier(idempotencyKey, request).orElseThrow(() -> invalid);
        }
        Order order = Order.receive(newId(), request.siteId(), request.channelOrderId(), idempotencyKey, client,
                request.journey(), customer(request), address(request),
                request.journey() == Journey.PICKUP_IN_STORE ? request.pickupStoreId() : null, lines,
                CorrelationId.current(), clock.instant());
        Map<String, Integer> given = routeAtOnce(order);
        try {
            orders.insert(order);
        } catch (DuplicateKeyException retried) {
            // a retry, or a race with the first request: the first order holds the key
            return earlier(idempotencyKey, request).orElseThrow(() -> retried);
        }
        router.booked(given);
        return order;
    }

    /**
     * The first routing round, done before the order's first write: one write of the order instead of two, and
     * no hand-off to the routing worker on the way to the ReserveStock commands. Should it fail, the order is
     * written due for routing and the worker routes it.
     */
    private Map<String, Integer> routeAtOnce(Order order) {
        try {
            return router.routeBeforeFirstWrite(order);
        } catch (RuntimeException e) {
            log.warn("Routing order {} at intake failed; the routing worker takes it: {}", order.id(), e.toString());
            return Map.of();
        }
    }

    private Optional<Order> earlier(String idempotencyKey, CreateOrderRequest request) {
        return orders.findByIdempotencyKey(idempotencyKey)
                .or(() -> orders.findByChannelOrder(request.siteId(), request.channelOrderId()));
    }

    private List<OrderLine> lines(CreateOrderRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.journey() == Journey.SHIP_FROM_STORE && request.shippingAddress() == null) {
            errors.add(new FieldError("shippingAddress", "required for SHIP_FROM_STORE"));
        }
        if (request.journey() == Journey.PICKUP_IN_STORE
                && (request.pickupStoreId() == null || request.pickupStoreId().isBlank())) {
            errors.add(new FieldError("pickupStoreId", "required for PICKUP_IN_STORE"));
        }
        if (request.shippingAddress() != null
                && (request.shippingAddress().latitude() == null) != (request.shippingAddress().longitude() == null)) {
            errors.add(new FieldError("shippingAddress", "latitude and longitude go together"));
        }
        if (request.customer() != null && request.customer().document() != null
                && !request.customer().document().isBlank()) {
            String problem = CustomerDocumentPolicy.problem(request.customer().document());
            if (problem != null) {
                errors.add(new FieldError("customer.document", problem));
            }
        }
        List<OrderLine> lines = new ArrayList<>();
        Set<String> eans = new HashSet<>();
        Catalog.Products products = catalog.forOrder(
                request.lines().stream().map(CreateOrderRequest.Line::ean).filter(ean -> ean != null).distinct()
                        .toList(),
                request.lines().stream().filter(line -> line.ean() == null).map(CreateOrderRequest.Line::reference)
                        .filter(reference -> reference != null).distinct().toList());
        for (int i = 0; i < request.lines().size(); i++) {
            CreateOrderRequest.Line line = request.lines().get(i);
            String field = "lines[" + i + "]";
            if (line.ean() == null && line.reference() == null) {
                errors.add(new FieldError(field, "an ean or a reference is required"));
                continue;
            }
            Optional<CatalogProduct> product = line.ean() != null ? products.ofEan(line.ean())
                    : products.ofReference(line.reference());
            if (line.ean() == null && product.isEmpty()) {
                errors.add(new FieldError(field + ".reference", "no product " + line.reference() + " in the catalog"));
                continue;
            }
            if (line.ean() != null && line.reference() != null && product.isPresent()
                    && !product.get().reference().equals(line.reference())) {
                errors.add(new FieldError(field + ".reference", "EAN " + line.ean() + " is product "
                        + product.get().reference() + ", not " + line.reference()));
                continue;
            }
            String ean = line.ean() != null ? line.ean() : product.get().ean();
            if (!eans.add(ean)) {
                errors.add(new FieldError(field + ".ean", ean + " is on another line: one line per EAN"));
                continue;
            }
            var unitPrice = line.unitPrice() != null ? line.unitPrice()
                    : product.map(CatalogProduct::discountedPrice).orElse(null);
            if (unitPrice == null) {
                errors.add(new FieldError(field + ".unitPrice", "required for a product the catalog does not know"));
                continue;
            }
            lines.add(new OrderLine(ean, product.map(CatalogProduct::reference).orElse(line.reference()),
                    product.map(CatalogProduct::name).orElse(null), product.map(CatalogProduct::brand).orElse(null),
                    product.map(CatalogProduct::category).orElse(null), line.quantity(), unitPrice,
                    product.map(CatalogProduct::price).orElse(null)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return lines;
    }

    private static Customer customer(CreateOrderRequest request) {
        return new Customer(request.customer().name(), request.customer().document(), request.customer().email());
    }

    private static Address address(CreateOrderRequest request) {
        CreateOrderRequest.Address address = request.shippingAddress();
        return address == null ? null : new Address(address.street(), address.city(), address.state(),
                address.postalCode(), address.latitude(), address.longitude());
    }

    /** {@code ord-} and 16 characters of Crockford base32 (80 random bits). */
    static String newId() {
        StringBuilder id = new StringBuilder("ord-");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
