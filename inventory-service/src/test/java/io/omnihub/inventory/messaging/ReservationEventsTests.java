package io.omnihub.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.contracts.Golden;
import io.omnihub.contracts.orders.MarkOutOfStock;
import io.omnihub.contracts.orders.ReleaseStock;
import io.omnihub.contracts.orders.ReserveStock;
import io.omnihub.contracts.orders.RestockReturn;
import io.omnihub.inventory.reservation.PendingAnswer;
import io.omnihub.inventory.reservation.ReservationAnswer;
import io.omnihub.inventory.reservation.ReservationAnswer.Outcome;
import io.omnihub.inventory.reservation.ReservationAnswer.Shortfall;
import io.omnihub.inventory.reservation.StockCommand;
import io.omnihub.inventory.reservation.StockCommand.Kind;
import io.omnihub.inventory.reservation.StockCommand.Line;
import io.omnihub.platform.kafka.InvalidEventException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReservationEventsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-29T14:05:00Z");
    private static final List<Line> LINES = List.of(new Line("7891000000007", 2), new Line("7891000015834", 1));

    @Test
    void theProducersGoldenReservationBecomesAReserveCommand() {
        ReserveStock command = JSON.readValue(Golden.bytes("orders.commands/reserve-stock.json"), ReserveStock.class);

        assertThat(ReservationEvents.toCommand(command)).isEqualTo(new StockCommand(Kind.RESERVE, "cmd-7f3a",
                "ord-01JE0A", "ful-01JE0A-1", "LJ001", LINES, null, AT));
    }

    @Test
    void theProducersGoldenReleaseRestockAndMarkBecomeCommands() {
        var release = ReservationEvents.toCommand(JSON.readValue(Golden.bytes("orders.commands/release-stock.json"),
                ReleaseStock.class));
        var restock = ReservationEvents.toCommand(JSON.readValue(Golden.bytes("orders.commands/restock-return.json"),
                RestockReturn.class));
        var mark = ReservationEvents.toCommand(JSON.readValue(Golden.bytes("orders.commands/mark-out-of-stock.json"),
                MarkOutOfStock.class));

        assertThat(release).isEqualTo(new StockCommand(Kind.RELEASE, "cmd-7f3b", "ord-01JE0A", "ful-01JE0A-1",
                "LJ001", LINES, "REJECTED:DAMAGED", AT));
        assertThat(restock.kind()).isEqualTo(Kind.RESTOCK);
        assertThat(restock.lines()).isEqualTo(LINES);
        assertThat(mark).isEqualTo(new StockCommand(Kind.MARK_OUT_OF_STOCK, "cmd-7f3e", "ord-01JE0A",
                "ful-01JE0A-1", "LJ001", List.of(new Line("7891000000007", 0)), null, AT));
    }

    @Test
    void answersAreWrittenAsTheGoldenEvents() {
        var confirmed = pending("cmd-7f3a", new ReservationAnswer(Outcome.CONFIRMED, LINES, List.of(), null, AT));
        var refused = pending("cmd-7f3a", new ReservationAnswer(Outcome.REFUSED, List.of(),
                List.of(new Shortfall("7891000000007", 2, 1)), null, AT));
        var released = pending("cmd-7f3b", new ReservationAnswer(Outcome.RELEASED, LINES, List.of(),
                "REJECTED:DAMAGED", AT));

        assertThat(JSON.readTree(JSON.writeValueAsBytes(ReservationEvents.toEvent(confirmed))))
                .isEqualTo(JSON.readTree(Golden.bytes("inventory.reservations/reservation-confirmed.json")));
        assertThat(JSON.readTree(JSON.writeValueAsBytes(ReservationEvents.toEvent(refused))))
                .isEqualTo(JSON.readTree(Golden.bytes("inventory.reservations/reservation-refused.json")));
        assertThat(JSON.readTree(JSON.writeValueAsBytes(ReservationEvents.toEvent(released))))
                .isEqualTo(JSON.readTree(Golden.bytes("inventory.reservations/reservation-released.json")));
        assertThat(ReservationEvents.eventId(confirmed)).isEqualTo("cmd-7f3a:answer");
    }

    @Test
    void aCommandThatCanNeverBeCarriedOutIsInvalid() {
        var noLines = new ReserveStock("cmd-1", "ord-1", "ful-1", "LJ001", List.of(), AT);
        var noStore = new ReserveStock("cmd-1", "ord-1", "ful-1", null,
                List.of(new io.omnihub.contracts.orders.StockLine("7891000000007", 1)), AT);
        var negative = new ReserveStock("cmd-1", "ord-1", "ful-1", "LJ001",
                List.of(new io.omnihub.contracts.orders.StockLine("7891000000007", -1)), AT);

        assertThatThrownBy(() -> ReservationEvents.toCommand(noLines)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("line");
        assertThatThrownBy(() -> ReservationEvents.toCommand(noStore)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("storeId");
        assertThatThrownBy(() -> ReservationEvents.toCommand(negative)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("quantity");
    }

    private static PendingAnswer pending(String commandId, ReservationAnswer answer) {
        return new PendingAnswer(commandId, "ord-01JE0A", "ful-01JE0A-1", "LJ001", answer, 1, null);
    }
}
