package io.omnihub.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.coupons.CouponCancelled;
import io.omnihub.contracts.coupons.CouponExpired;
import io.omnihub.contracts.coupons.CouponExtended;
import io.omnihub.contracts.coupons.CouponIssued;
import io.omnihub.contracts.coupons.CouponRedeemed;
import io.omnihub.contracts.inventory.ReservationConfirmed;
import io.omnihub.contracts.inventory.ReservationRefused;
import io.omnihub.contracts.inventory.ReservationReleased;
import io.omnihub.contracts.inventory.Shortage;
import io.omnihub.contracts.orders.Address;
import io.omnihub.contracts.orders.AssignedLine;
import io.omnihub.contracts.orders.ConsumeStock;
import io.omnihub.contracts.orders.CouponRequest;
import io.omnihub.contracts.orders.Customer;
import io.omnihub.contracts.orders.FulfillmentAssigned;
import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.contracts.orders.FulfillmentStatusChanged;
import io.omnihub.contracts.orders.FulfillmentWithdrawn;
import io.omnihub.contracts.orders.Journey;
import io.omnihub.contracts.orders.MarkOutOfStock;
import io.omnihub.contracts.orders.OrderLinesUnfulfillable;
import io.omnihub.contracts.orders.OrderReceived;
import io.omnihub.contracts.orders.OrderRerouted;
import io.omnihub.contracts.orders.ReleaseStock;
import io.omnihub.contracts.orders.ReserveStock;
import io.omnihub.contracts.orders.RestockReturn;
import io.omnihub.contracts.orders.ReturnRecorded;
import io.omnihub.contracts.orders.StockLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** The order, reservation and coupon events are written exactly as their golden files, and read back equal. */
class WireEventsGoldenTests {

    private static final Instant AT = Instant.parse("2026-11-29T14:05:00Z");
    private static final List<StockLine> LINES = List.of(new StockLine("7891000000007", 2),
            new StockLine("7891000015834", 1));

    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<Record> samples() {
        return Stream.of(
                new ReserveStock("cmd-7f3a", "ord-01JE0A", "ful-01JE0A-1", "LJ001", LINES, AT),
                new ReleaseStock("cmd-7f3b", "ord-01JE0A", "ful-01JE0A-1", "LJ001", LINES, "REJECTED:DAMAGED", AT),
                new ConsumeStock("cmd-7f3c", "ord-01JE0A", "ful-01JE0A-1", "LJ001", LINES, AT),
                new RestockReturn("cmd-7f3d", "ord-01JE0A", "ful-01JE0A-1", "LJ001", "ret-01JE0B", LINES, AT),
                new MarkOutOfStock("cmd-7f3e", "ord-01JE0A", "ful-01JE0A-1", "LJ001", List.of("7891000000007"), AT),
                new ReservationConfirmed("cmd-7f3a", "ord-01JE0A", "ful-01JE0A-1", "LJ001", LINES, AT),
                new ReservationRefused("cmd-7f3a", "ord-01JE0A", "ful-01JE0A-1", "LJ001",
                        List.of(new Shortage("7891000000007", 2, 1)), AT),
                new ReservationReleased("cmd-7f3b", "ord-01JE0A", "ful-01JE0A-1", "LJ001", LINES,
                        "REJECTED:DAMAGED", AT),
                new FulfillmentAssigned("ful-01JE0A-1", "ord-01JE0A", "site-1", "ECOM-1001", "LJ001",
                        Journey.SHIP_FROM_STORE,
                        List.of(new AssignedLine("7891000000007", "1001", "Camiseta Aurora Azul", 2,
                                new BigDecimal("333.14"))),
                        new Customer("Ana Souza", "52998224725", "ana@example.com"),
                        new Address("Av. Paulista, 1000", "São Paulo", "SP", "01310-100", -23.5614, -46.6559),
                        Instant.parse("2026-11-29T16:05:00Z"), AT),
                new FulfillmentWithdrawn("ful-01JE0A-1", "ord-01JE0A", "LJ001", "DEADLINE_PASSED", AT),
                new OrderReceived("ord-01JE0A", "site-1", "ECOM-1001", Journey.PICKUP_IN_STORE, AT),
                new FulfillmentStatusChanged("ord-01JE0A", "site-1", "ECOM-1001", "ful-01JE0A-1", "LJ001",
                        FulfillmentStatus.IN_TRANSIT, FulfillmentStatus.ACCEPTED, null, AT),
                new OrderRerouted("ord-01JE0A", "site-1", "ECOM-1001", "ful-01JE0A-1", "LJ001",
                        List.of(new StockLine("7891000000007", 1)), List.of("ful-01JE0A-2"), "DAMAGED", AT),
                new OrderLinesUnfulfillable("ord-01JE0A", "site-1", "ECOM-1001",
                        List.of(new StockLine("7891000000007", 1)), "NO_STORE_WITH_STOCK", AT),
                new ReturnRecorded("ret-01JE0B", "ord-01JE0A", "site-1", "ful-01JE0A-1", "LJ001", "52998224725",
                        List.of(new StockLine("7891000000007", 1)),
                        new CouponRequest(new BigDecimal("333.14"), "BRL", "RETURN_IN_STORE"), AT),
                new CouponIssued("K7QM-4XPD-92HT", "52998224725", new BigDecimal("333.14"), "BRL", "LJ001",
                        "ord-01JE0A", "ful-01JE0A-1", "ret-01JE0B", "RETURN_IN_STORE",
                        Instant.parse("2027-02-27T14:05:00Z"), AT),
                new CouponRedeemed("K7QM-4XPD-92HT", "red-01JE0C", new BigDecimal("100.00"),
                        new BigDecimal("233.14"), "BRL", "LJ002", AT),
                new CouponCancelled("K7QM-4XPD-92HT", new BigDecimal("233.14"), "CUSTOMER_REQUEST", AT),
                new CouponExpired("K7QM-4XPD-92HT", new BigDecimal("233.14"), AT),
                new CouponExtended("K7QM-4XPD-92HT", Instant.parse("2027-02-27T14:05:00Z"),
                        Instant.parse("2027-05-28T14:05:00Z"), AT));
    }

    /** {@code orders.commands/reserve-stock.json} for {@code io.omnihub.orders.reserve-stock} on orders.commands. */
    static String goldenPathOf(Class<?> event) {
        String topic = EventTypes.BY_TOPIC.entrySet().stream().filter(entry -> entry.getValue().contains(event))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String type = EventTypes.typeOf(event);
        return topic + "/" + type.substring(type.lastIndexOf('.') + 1) + ".json";
    }

    @ParameterizedTest
    @MethodSource("samples")
    void isWrittenExactlyAsItsGoldenFileAndReadBackEqual(Record event) {
        byte[] golden = Golden.bytes(goldenPathOf(event.getClass()));

        assertThat(json.readTree(json.writeValueAsBytes(event))).isEqualTo(json.readTree(golden));
        assertThat(json.readValue(golden, event.getClass())).isEqualTo(event);
    }

    @Test
    void everyEventOnEveryTopicHasAGoldenFile() {
        assertThat(EventTypes.BY_TOPIC.keySet()).containsExactlyElementsOf(Topics.ALL);
        assertThat(EventTypes.ALL).allSatisfy(event -> assertThat(Golden.bytes(goldenPathOf(event))).isNotEmpty());
    }

    @Test
    void fulfillmentStatusIsReadFromItsNumberOrItsName() {
        assertThat(FulfillmentStatus.parse("3")).contains(FulfillmentStatus.IN_TRANSIT);
        assertThat(FulfillmentStatus.parse("in transit")).contains(FulfillmentStatus.IN_TRANSIT);
        assertThat(FulfillmentStatus.parse("READY-FOR-PICKUP")).contains(FulfillmentStatus.READY_FOR_PICKUP);
        assertThat(FulfillmentStatus.parse("9")).isEmpty();
        assertThat(FulfillmentStatus.parse(null)).isEmpty();
    }
}
