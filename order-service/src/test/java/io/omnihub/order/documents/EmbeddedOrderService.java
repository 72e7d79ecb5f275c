package io.omnihub.order.documents;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.orders.Address;
import io.omnihub.contracts.orders.Customer;
import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.contracts.orders.Journey;
import io.omnihub.order.model.Acceptance;
import io.omnihub.order.model.Allocation;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderLine;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.order.model.RoutingDecision;
import io.omnihub.order.model.StoreQuantity;
import io.omnihub.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole order-service on an in-process Kafka broker, a MongoDB-wire server and an S3 server; one application
 * context shared by the document and report ITs. Orders are set up through the order model itself, already routed
 * and answered, so these tests do not depend on routing or inventory; each test uses orders of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "omnihub.documents.max-proof-size=64KB"})
@AutoConfigureTestRestTemplate
@EmbeddedKafka(partitions = 3, topics = {Topics.ORDERS_LIFECYCLE, Topics.ORDERS_COMMANDS,
        Topics.ORDERS_FULFILLMENT_ASSIGNED})
public abstract class EmbeddedOrderService {

    protected static final Address ANA_HOME = new Address("Av. Paulista, 1000", "São Paulo", "SP", "01310-100",
            -23.5614, -46.6559);
    protected static final Customer ANA = new Customer("Ana Souza", "52998224725", "ana@example.com");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("orders-documents-" + UUID.randomUUID()));
        registry.add("omnihub.s3.endpoint", TestInfrastructure::s3Endpoint);
        registry.add("omnihub.s3.access-key", () -> TestInfrastructure.S3_ACCESS_KEY);
        registry.add("omnihub.s3.secret-key", () -> TestInfrastructure.S3_SECRET_KEY);
    }

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected OrderRepository orders;

    /** A line of a test order. */
    public record Line(String ean, String reference, String brand, String category, long quantity, String price) {
    }

    /** A stored order and its fulfilments' ids, in the order of the stores given. */
    public record Placed(String orderId, String channelOrderId, List<String> fulfillmentIds) {

        public String fulfillmentId() {
            return fulfillmentIds.get(0);
        }
    }

    /**
     * Stores an order of {@code siteId}, received at {@code receivedAt}, whose lines went to the stores of
     * {@code split} (store → EANs) and which every store accepted.
     */
    protected Placed accepted(String siteId, Journey journey, Instant receivedAt, List<Line> lines,
            Map<String, List<String>> split) {
        String orderId = "ord-" + UUID.randomUUID();
        String channelOrderId = "ECOM-" + UUID.randomUUID().toString().substring(0, 8);
        List<OrderLine> orderLines = lines.stream().map(line -> new OrderLine(line.ean(), line.reference(),
                "Product " + line.reference(), line.brand(), line.category(), line.quantity(),
                new BigDecimal(line.price()), new BigDecimal(line.price()))).toList();
        Order order = Order.receive(orderId, siteId, channelOrderId, siteId + "|" + channelOrderId, "test-channel",
                journey, ANA, journey == Journey.SHIP_FROM_STORE ? ANA_HOME : null,
                journey == Journey.PICKUP_IN_STORE ? split.keySet().iterator().next() : null, orderLines, null,
                receivedAt);
        List<Allocation> allocations = new ArrayList<>();
        split.forEach((store, eans) -> allocations.add(new Allocation(store, lines.stream()
                .filter(line -> eans.contains(line.ean()))
                .map(line -> new StoreQuantity(line.ean(), line.quantity())).toList())));
        List<StoreQuantity> requested = lines.stream().map(line -> new StoreQuantity(line.ean(), line.quantity()))
                .toList();
        List<String> fulfillments = order.route(new RoutingDecision(receivedAt, "INTAKE", "test", requested,
                allocations, List.of(), List.of("placed by the test")), receivedAt);
        // right after receipt: a later status change (at the clock's now) must come after it in the timeline
        Instant now = receivedAt.plusMillis(1);
        for (String fulfillmentId : fulfillments) {
            order.reservationConfirmed(fulfillmentId, now.plus(Duration.ofHours(2)), false, now);
            order.answer(fulfillmentId, new Acceptance(Acceptance.Decision.ACCEPT_ALL, null, List.of(), now), now);
        }
        orders.insert(order);
        return new Placed(orderId, channelOrderId, fulfillments);
    }

    /** One order at one store, accepted, shipped from the store. */
    protected Placed acceptedAt(String storeId) {
        Line line = new Line("7891000000007", "3266", "Acme", "Shoes > Running", 2, "333.14");
        Map<String, List<String>> split = new LinkedHashMap<>();
        split.put(storeId, List.of(line.ean()));
        return accepted("site-1", Journey.SHIP_FROM_STORE, Instant.now(), List.of(line), split);
    }

    protected void moveTo(Placed placed, String fulfillmentId, FulfillmentStatus status, String carrier,
            String trackingCode) {
        orders.change(placed.orderId(), order -> order.changeStatus(fulfillmentId, status, carrier, trackingCode,
                Instant.now()));
    }
}
