package io.omnihub.inventory.messaging;

import io.omnihub.contracts.inventory.ReservationConfirmed;
import io.omnihub.contracts.inventory.ReservationRefused;
import io.omnihub.contracts.inventory.ReservationReleased;
import io.omnihub.contracts.inventory.Shortage;
import io.omnihub.contracts.orders.ConsumeStock;
import io.omnihub.contracts.orders.MarkOutOfStock;
import io.omnihub.contracts.orders.ReleaseStock;
import io.omnihub.contracts.orders.ReserveStock;
import io.omnihub.contracts.orders.RestockReturn;
import io.omnihub.contracts.orders.StockLine;
import io.omnihub.inventory.reservation.PendingAnswer;
import io.omnihub.inventory.reservation.ReservationAnswer;
import io.omnihub.inventory.reservation.StockCommand;
import io.omnihub.inventory.reservation.StockCommand.Kind;
import io.omnihub.inventory.reservation.StockCommand.Line;
import io.omnihub.platform.kafka.InvalidEventException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Maps {@code orders.commands} to stock commands, and their answers to {@code inventory.reservations} events. */
final class ReservationEvents {

    private ReservationEvents() {
    }

    static StockCommand toCommand(ReserveStock command) {
        return build(command.commandId(), () -> new StockCommand(Kind.RESERVE, command.commandId(), command.orderId(),
                command.fulfillmentId(), command.storeId(), lines(command.lines()), null, command.requestedAt()));
    }

    static StockCommand toCommand(ReleaseStock command) {
        return build(command.commandId(), () -> new StockCommand(Kind.RELEASE, command.commandId(), command.orderId(),
                command.fulfillmentId(), command.storeId(), lines(command.lines()), command.reason(), command.at()));
    }

    static StockCommand toCommand(ConsumeStock command) {
        return build(command.commandId(), () -> new StockCommand(Kind.CONSUME, command.commandId(), command.orderId(),
                command.fulfillmentId(), command.storeId(), lines(command.lines()), null, command.at()));
    }

    static StockCommand toCommand(RestockReturn command) {
        return build(command.commandId(), () -> new StockCommand(Kind.RESTOCK, command.commandId(), command.orderId(),
                command.fulfillmentId(), command.storeId(), lines(command.lines()), command.returnId(),
                command.at()));
    }

    static StockCommand toCommand(MarkOutOfStock command) {
        return build(command.commandId(), () -> new StockCommand(Kind.MARK_OUT_OF_STOCK, command.commandId(),
                command.orderId(), command.fulfillmentId(), command.storeId(),
                command.eans().stream().map(ean -> new Line(ean, 0)).toList(), null, command.at()));
    }

    static Object toEvent(PendingAnswer pending) {
        ReservationAnswer answer = pending.answer();
        Instant at = answer.at();
        return switch (answer.outcome()) {
            case CONFIRMED -> new ReservationConfirmed(pending.commandId(), pending.orderId(), pending.fulfillmentId(),
                    pending.storeId(), stockLines(answer.lines()), at);
            case REFUSED -> new ReservationRefused(pending.commandId(), pending.orderId(), pending.fulfillmentId(),
                    pending.storeId(), answer.shortages().stream()
                            .map(s -> new Shortage(s.ean(), s.requested(), s.available())).toList(), at);
            case RELEASED -> new ReservationReleased(pending.commandId(), pending.orderId(), pending.fulfillmentId(),
                    pending.storeId(), stockLines(answer.lines()), answer.reason(), at);
        };
    }

    /** One answer per command: sent again, it keeps its id, so order-service recognises the duplicate. */
    static String eventId(PendingAnswer pending) {
        return pending.commandId() + ":answer";
    }

    private static List<Line> lines(List<StockLine> lines) {
        if (lines == null) {
            throw new IllegalArgumentException("lines are required");
        }
        return lines.stream().map(line -> line == null ? null : new Line(line.ean(), line.quantity())).toList();
    }

    private static List<StockLine> stockLines(List<Line> lines) {
        return lines.stream().map(line -> new StockLine(line.ean(), line.quantity())).toList();
    }

    private static StockCommand build(String commandId, Supplier<StockCommand> command) {
        try {
            return command.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException("command " + commandId + " of " + "orders.commands: " + e.getMessage());
        }
    }
}
