package io.omnihub.inventory.reservation;

import io.omnihub.inventory.reservation.ReservationAnswer.Shortfall;
import io.omnihub.inventory.reservation.StockCommand.Kind;
import io.omnihub.inventory.reservation.StockCommand.Line;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One command of order-service, its outcome and the answer to publish, in one document: the answer is stored
 * by the same write that records the command as done (the outbox), and relayed afterwards.
 *
 * @param state      {@code IN_PROGRESS} while a reservation's lines are being held, {@code DONE} after
 * @param refusal    the shortages a reservation was refused for, recorded before its holds are taken back, so
 *                   that a redelivery after a crash finishes the refusal instead of deciding again
 * @param answer     null for commands that are not answered (consume, restock, mark out of stock)
 * @param sending    grows each time the answer is queued for sending (again): the relay marks one sending sent
 * @param queuedAt   when the answer was queued: the relay sends oldest first, so an order's answers keep their order
 * @param pending    {@code <commandId>@<sending>} while the answer waits to be relayed, absent after (unique,
 *                   sparse index: the outbox itself); marking it sent on this key matches only that sending
 * @param correlationId the correlation id of the command's delivery that queued the answer: the answer carries it
 *                   (null in records stored before it was kept)
 */
@Document("commands")
record CommandRecord(@Id String commandId, Kind kind, String orderId, String fulfillmentId, String storeId,
        List<Line> lines, Instant at, String state, List<Shortfall> refusal, ReservationAnswer answer,
        boolean unpublished, long sending, Instant queuedAt, Instant createdAt, Instant completedAt,
        @Indexed(unique = true, sparse = true) String pending,
        String correlationId) {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";

    CommandRecord {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    static CommandRecord started(StockCommand command, Instant now) {
        return new CommandRecord(command.commandId(), command.kind(), command.orderId(), command.fulfillmentId(),
                command.storeId(), command.lines(), command.at(), IN_PROGRESS, null, null, false, 0, null, now, null,
                null, null);
    }

    static String pending(String commandId, long sending) {
        return commandId + "@" + sending;
    }

    boolean isDone() {
        return DONE.equals(state);
    }

    /** Whether a command with this id is the same command (a redelivery), not another one reusing the id. */
    boolean isSameAs(StockCommand command) {
        return kind == command.kind() && orderId.equals(command.orderId()) && storeId.equals(command.storeId());
    }

    PendingAnswer pendingAnswer() {
        return new PendingAnswer(commandId, orderId, fulfillmentId, storeId, answer, sending, correlationId);
    }
}
