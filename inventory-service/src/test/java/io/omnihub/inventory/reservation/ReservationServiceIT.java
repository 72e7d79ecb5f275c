package io.omnihub.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.omnihub.inventory.availability.AvailabilityPolicy;
import io.omnihub.inventory.reservation.ReservationAnswer.Outcome;
import io.omnihub.inventory.reservation.ReservationAnswer.Shortfall;
import io.omnihub.inventory.reservation.StockCommand.Kind;
import io.omnihub.inventory.reservation.StockCommand.Line;
import io.omnihub.inventory.stock.StockReport;
import io.omnihub.inventory.stock.StockService;
import io.omnihub.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** Reservations against a real MongoDB-wire server, without Kafka: races, all or nothing, idempotence, crashes. */
@DataMongoTest
@Import({ReservationService.class, ReservationOutbox.class, ReservationServiceIT.Policies.class})
@RecordApplicationEvents
class ReservationServiceIT {

    private static final String EAN_A = "7891000000007";
    private static final String EAN_B = "7891000015834";
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("inventory-res-" + UUID.randomUUID()));
    }

    @Autowired
    ReservationService reservations;

    @Autowired
    ReservationOutbox outbox;

    @MockitoSpyBean
    StockService stock;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ApplicationEvents events;

    @Test
    void concurrentReservationsForTheLastUnitsNeverOversell() throws Exception {
        String store = store();
        stock.apply(figure(store, EAN_A, 5));
        List<Callable<ReservationAnswer>> orders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            StockCommand command = reserve(store, "ord-" + i, new Line(EAN_A, 1 + i % 2));
            orders.add(() -> reservations.handle(command).orElseThrow());
        }

        List<ReservationAnswer> answers = runAll(orders, 8);

        long confirmedUnits = answers.stream().filter(answer -> answer.outcome() == Outcome.CONFIRMED)
                .flatMap(answer -> answer.lines().stream()).mapToLong(Line::quantity).sum();
        // 5 on hand - safety stock 1: at most 4 units promised, and the refusals leave fewer than 2 unpromised
        assertThat(confirmedUnits).isBetween(3L, 4L);
        assertThat(reserved(store, EAN_A)).isEqualTo(confirmedUnits);
        assertThat(answers).filteredOn(answer -> answer.outcome() == Outcome.REFUSED).isNotEmpty();
    }

    @Test
    void aReservationIsAllOrNothingAcrossItsLines() {
        String store = store();
        stock.apply(figure(store, EAN_A, 10));
        stock.apply(figure(store, EAN_B, 2));

        ReservationAnswer answer = reservations.handle(reserve(store, "ord-1", new Line(EAN_A, 3),
                new Line(EAN_B, 2))).orElseThrow();

        assertThat(answer.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(answer.shortages()).containsExactly(new Shortfall(EAN_B, 2, 1));
        assertThat(reserved(store, EAN_A)).isZero();
        assertThat(reserved(store, EAN_B)).isZero();
        assertThat(stock.available(store, EAN_A)).isEqualTo(9);
    }

    @Test
    void everyShortLineIsReportedAndNoneHeld() {
        String store = store();
        stock.apply(figure(store, EAN_A, 2));
        stock.apply(figure(store, EAN_B, 1));

        ReservationAnswer answer = reservations.handle(reserve(store, "ord-1", new Line(EAN_B, 5),
                new Line(EAN_A, 3), new Line("7890000000000", 1))).orElseThrow();

        assertThat(answer.shortages()).containsExactly(new Shortfall("7890000000000", 1, 0),
                new Shortfall(EAN_A, 3, 1), new Shortfall(EAN_B, 5, 0));
        assertThat(reserved(store, EAN_A) + reserved(store, EAN_B)).isZero();
    }

    @Test
    void theSameCommandTwiceHoldsOnceAndIsAnsweredTheSame() {
        String store = store();
        stock.apply(figure(store, EAN_A, 10));
        StockCommand command = reserve(store, "ord-1", new Line(EAN_A, 3));

        ReservationAnswer first = reservations.handle(command).orElseThrow();
        outbox.markPublished(outbox.pending(1000).stream().filter(p -> p.commandId().equals(command.commandId()))
                .toList());
        ReservationAnswer second = reservations.handle(command).orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(first.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(reserved(store, EAN_A)).isEqualTo(3);
        assertThat(outbox.pending(1000)).filteredOn(p -> p.commandId().equals(command.commandId()))
                .singleElement().satisfies(p -> assertThat(p.sending()).isEqualTo(2));
        assertThat(events.stream(AnswerPending.class)).hasSize(2);
    }

    @Test
    void aRedeliveryAfterACrashMidReservationFinishesWhatWasBegun() {
        String store = store();
        stock.apply(figure(store, EAN_A, 10));
        stock.apply(figure(store, EAN_B, 10));
        StockCommand command = reserve(store, "ord-1", new Line(EAN_A, 2), new Line(EAN_B, 3));
        // the first delivery dies after holding the first line only (its bulk write cut short)
        org.mockito.Mockito.doAnswer(invocation -> {
            stock.hold(store, EAN_A, command.commandId(), command.fulfillmentId(), 2, MONDAY);
            throw new IllegalStateException("crash");
        }).doCallRealMethod().when(stock).holdAll(org.mockito.ArgumentMatchers.eq(store),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        assertThatIllegalStateException().isThrownBy(() -> reservations.handle(command));
        assertThat(reserved(store, EAN_A)).isEqualTo(2);
        assertThat(reserved(store, EAN_B)).isZero();

        ReservationAnswer answer = reservations.handle(command).orElseThrow();

        assertThat(answer.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(reserved(store, EAN_A)).isEqualTo(2);
        assertThat(reserved(store, EAN_B)).isEqualTo(3);
    }

    @Test
    void aRedeliveryAfterACrashMidRefusalFinishesTheRefusal() {
        String store = store();
        stock.apply(figure(store, EAN_A, 10));
        stock.apply(figure(store, EAN_B, 1));
        StockCommand command = reserve(store, "ord-1", new Line(EAN_A, 2), new Line(EAN_B, 3));
        // the first delivery decides to refuse, then dies before taking back the hold of the first line
        org.mockito.Mockito.doThrow(new IllegalStateException("crash")).doCallRealMethod().when(stock)
                .undoHold(org.mockito.ArgumentMatchers.eq(store), org.mockito.ArgumentMatchers.eq(EAN_A),
                        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        assertThatIllegalStateException().isThrownBy(() -> reservations.handle(command));
        assertThat(reserved(store, EAN_A)).isEqualTo(2);
        // meanwhile the short EAN was restocked: the refusal decided stays the answer
        stock.apply(new StockReport(store, EAN_B, 50, MONDAY.plusSeconds(60), null, "imp-2", 1, MONDAY));

        ReservationAnswer answer = reservations.handle(command).orElseThrow();

        assertThat(answer.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(answer.shortages()).containsExactly(new Shortfall(EAN_B, 3, 0));
        assertThat(reserved(store, EAN_A)).isZero();
        assertThat(reserved(store, EAN_B)).isZero();
    }

    @Test
    void aReleaseGivesBackWhatIsHeldAndSaysHowMuch() {
        String store = store();
        stock.apply(figure(store, EAN_A, 10));
        reservations.handle(reserve(store, "ord-1", new Line(EAN_A, 3)));
        StockCommand release = new StockCommand(Kind.RELEASE, "rel-" + UUID.randomUUID(), "ord-1", "ful-ord-1",
                store, List.of(new Line(EAN_A, 5), new Line(EAN_B, 1)), "CANCELLED", MONDAY);

        ReservationAnswer answer = reservations.handle(release).orElseThrow();
        ReservationAnswer again = reservations.handle(release).orElseThrow();

        assertThat(answer.outcome()).isEqualTo(Outcome.RELEASED);
        assertThat(answer.lines()).containsExactly(new Line(EAN_A, 3));
        assertThat(answer.reason()).isEqualTo("CANCELLED");
        assertThat(again).isEqualTo(answer);
        assertThat(reserved(store, EAN_A)).isZero();
    }

    @Test
    void consumeRestockAndOutOfStockChangeTheLedgerWithoutAnswer() {
        String store = store();
        stock.apply(figure(store, EAN_A, 10));
        reservations.handle(reserve(store, "ord-1", new Line(EAN_A, 3)));

        var consumed = reservations.handle(new StockCommand(Kind.CONSUME, "con-" + UUID.randomUUID(), "ord-1",
                "ful-ord-1", store, List.of(new Line(EAN_A, 3)), null, MONDAY.plusSeconds(60)));
        assertThat(consumed).isEmpty();
        assertThat(reserved(store, EAN_A)).isZero();
        assertThat(stock.available(store, EAN_A)).isEqualTo(10 - 3 - 1);

        reservations.handle(new StockCommand(Kind.RESTOCK, "ret-" + UUID.randomUUID(), "ord-1", "ful-ord-1", store,
                List.of(new Line(EAN_A, 1)), "ret-1", MONDAY.plusSeconds(120)));
        assertThat(stock.available(store, EAN_A)).isEqualTo(10 - 3 + 1 - 1);

        reservations.handle(new StockCommand(Kind.MARK_OUT_OF_STOCK, "oos-" + UUID.randomUUID(), "ord-2", "ful-2",
                store, List.of(new Line(EAN_A, 0)), null, MONDAY.plusSeconds(180)));
        assertThat(stock.available(store, EAN_A)).isZero();
    }

    @Test
    void aCommandIdReusedForAnotherCommandIsRefused() {
        String store = store();
        stock.apply(figure(store, EAN_A, 10));
        StockCommand command = reserve(store, "ord-1", new Line(EAN_A, 1));
        reservations.handle(command);

        assertThatIllegalArgumentException().isThrownBy(() -> reservations.handle(new StockCommand(Kind.RELEASE,
                command.commandId(), "ord-1", "ful-ord-1", store, List.of(new Line(EAN_A, 1)), "x", MONDAY)));
    }

    @Test
    void aReservationRefusedWithoutHoldingAnythingIsDoneWithoutARefusalToFinish() {
        String store = store();
        stock.apply(figure(store, EAN_A, 2));
        StockCommand command = reserve(store, "ord-1", new Line(EAN_A, 5));

        ReservationAnswer answer = reservations.handle(command).orElseThrow();

        assertThat(answer.shortages()).containsExactly(new Shortfall(EAN_A, 5, 1));
        Document record = mongo.getCollection("commands").find(new Document("_id", command.commandId())).first();
        assertThat(record.getString("state")).isEqualTo("DONE");
        assertThat(record).doesNotContainKey("refusal");
        org.mockito.Mockito.verify(stock, org.mockito.Mockito.never()).undoHold(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any());
    }

    @Test
    void aUniqueTokenIndexOfTheCommandRecordsLeftByAnEarlierVersionIsDroppedAtStart() {
        mongo.indexOps("commands").createIndex(new org.springframework.data.mongodb.core.index.Index("token",
                org.springframework.data.domain.Sort.Direction.ASC).named("token").unique().sparse());

        new ReservationService(stock, mongo, Clock.systemUTC(), event -> { });

        assertThat(mongo.indexOps("commands").getIndexInfo()).extracting(index -> index.getName())
                .doesNotContain("token").contains("pending");
    }

    private long reserved(String store, String ean) {
        Document level = mongo.getCollection("stock").find(new Document("_id", store + ":" + ean)).first();
        return level == null ? 0 : ((Number) level.get("reserved")).longValue();
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks, int threads) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(tasks)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static StockCommand reserve(String store, String orderId, Line... lines) {
        return new StockCommand(Kind.RESERVE, "res-" + UUID.randomUUID(), orderId, "ful-" + orderId, store,
                List.of(lines), null, MONDAY);
    }

    private static StockReport figure(String store, String ean, long quantity) {
        return new StockReport(store, ean, quantity, MONDAY, null, "imp-1", 1, MONDAY);
    }

    private static String store() {
        return "S-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @TestConfiguration
    // the stock package's components (some package-private), not the test configurations beside them
    @ComponentScan(basePackageClasses = StockService.class, excludeFilters = @ComponentScan.Filter(
            type = FilterType.REGEX, pattern = ".*(IT|Tests)(\\$.*)?"))
    static class Policies {

        @Bean
        AvailabilityPolicy availabilityPolicy() {
            return new AvailabilityPolicy(1, Map.of(), Map.of());
        }

        @Bean
        Clock clock() {
            return Clock.tick(Clock.system(ZoneOffset.UTC), Duration.ofMillis(1));
        }
    }
}
