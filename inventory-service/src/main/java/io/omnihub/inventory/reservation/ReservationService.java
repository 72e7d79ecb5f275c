package io.omnihub.inventory.reservation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.omnihub.inventory.reservation.ReservationAnswer.Outcome;
import io.omnihub.inventory.reservation.ReservationAnswer.Shortfall;
import io.omnihub.inventory.reservation.StockCommand.Line;
import io.omnihub.inventory.stock.LineHold;
import io.omnihub.inventory.stock.StockService;
import io.omnihub.platform.web.CorrelationId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Carries out order-service's stock commands. A reservation holds every line at the store or none: each line
 * is one conditional write on its (store, EAN) document that holds the units only if that many are available
 * on the state it read, so two orders never both get the last unit; when a line is short, the lines already
 * held are taken back and the reservation is refused. There is no transaction across the documents: every
 * step is idempotent (by command id on each pair, by command id for the whole command), so a command cut short
 * by a crash and delivered again finishes what it began. The answer is stored with the command as done (one
 * write) and relayed to {@code inventory.reservations} afterwards.
 */
@Service
public class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);

    private final StockService stock;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReservationService(StockService stock, MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.stock = stock;
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Carries out the command once; a command already done changes nothing and has its answer sent again.
     * Answers the answer to publish (empty for commands that have none).
     */
    public Optional<ReservationAnswer> handle(StockCommand command) {
        CommandRecord known = mongo.findById(command.commandId(), CommandRecord.class);
        if (known != null && !known.isSameAs(command)) {
            throw new IllegalArgumentException("command id " + command.commandId() + " was used by a "
                    + known.kind() + " of order " + known.orderId() + " at store " + known.storeId());
        }
        if (known != null && known.isDone()) {
            resend(known);
            return Optional.ofNullable(known.answer());
        }
        ReservationAnswer answer = switch (command.kind()) {
            case RESERVE -> reserve(command, known);
            case RELEASE -> release(command);
            case CONSUME -> consume(command);
            case RESTOCK -> restock(command);
            case MARK_OUT_OF_STOCK -> markOutOfStock(command);
        };
        complete(command, answer, known);
        return Optional.ofNullable(answer);
    }

    private ReservationAnswer reserve(StockCommand command, CommandRecord known) {
        CommandRecord record = known != null ? known : start(command);
        List<Line> lines = command.linesByEan();
        if (record.refusal() != null) {
            // refused before a crash: finish taking back what was held, answer what was decided
            undo(command, lines);
            return refused(command, record.refusal());
        }
        List<Shortfall> shortages = new ArrayList<>();
        for (Line line : lines) {
            if (shortages.isEmpty()) {
                LineHold hold = stock.hold(command.storeId(), line.ean(), command.commandId(),
                        command.fulfillmentId(), line.quantity(), command.at());
                if (!hold.held()) {
                    shortages.add(new Shortfall(line.ean(), line.quantity(), hold.available()));
                }
            } else {
                // refused already: the other lines are only looked at, to tell order-service every shortage
                long available = stock.available(command.storeId(), line.ean());
                if (available < line.quantity()) {
                    shortages.add(new Shortfall(line.ean(), line.quantity(), available));
                }
            }
        }
        if (shortages.isEmpty()) {
            return new ReservationAnswer(Outcome.CONFIRMED, command.lines(), List.of(), null, clock.instant());
        }
        mongo.updateFirst(inProgress(record), new Update().set("refusal", shortages), CommandRecord.class);
        undo(command, lines);
        return refused(command, shortages);
    }

    private CommandRecord start(StockCommand command) {
        CommandRecord started = CommandRecord.started(command, clock.instant());
        try {
            return mongo.insert(started);
        } catch (DuplicateKeyException anotherDeliveryStartedIt) {
            return mongo.findById(command.commandId(), CommandRecord.class);
        }
    }

    private void undo(StockCommand command, List<Line> lines) {
        for (Line line : lines) {
            stock.undoHold(command.storeId(), line.ean(), command.commandId(), command.fulfillmentId());
        }
    }

    private ReservationAnswer refused(StockCommand command, List<Shortfall> shortages) {
        log.debug("Reservation {} of order {} at {} refused: {}", command.commandId(), command.orderId(),
                command.storeId(), shortages);
        return new ReservationAnswer(Outcome.REFUSED, List.of(), shortages, null, clock.instant());
    }

    private ReservationAnswer release(StockCommand command) {
        List<Line> released = new ArrayList<>();
        for (Line line : command.linesByEan()) {
            long units = stock.release(command.storeId(), line.ean(), command.commandId(), command.fulfillmentId(),
                    line.quantity());
            if (units > 0) {
                released.add(new Line(line.ean(), units));
            }
        }
        return new ReservationAnswer(Outcome.RELEASED, released, List.of(), command.reason(), command.at());
    }

    private ReservationAnswer consume(StockCommand command) {
        for (Line line : command.linesByEan()) {
            stock.consume(command.storeId(), line.ean(), command.commandId(), command.fulfillmentId(),
                    line.quantity(), command.at());
        }
        return null;
    }

    private ReservationAnswer restock(StockCommand command) {
        for (Line line : command.linesByEan()) {
            stock.restock(command.storeId(), line.ean(), command.commandId(), line.quantity(), command.at());
        }
        return null;
    }

    private ReservationAnswer markOutOfStock(StockCommand command) {
        for (Line line : command.linesByEan()) {
            stock.markOutOfStock(command.storeId(), line.ean(), "out-of-stock:" + command.commandId(), command.at());
        }
        return null;
    }

    /**
     * Records the command as done with its answer to publish: one write, the outbox. A reservation's record
     * exists (in progress) and is completed on its token, once; other commands' records are inserted done, once.
     */
    private void complete(StockCommand command, ReservationAnswer answer, CommandRecord known) {
        var now = clock.instant();
        String pending = answer == null ? null : CommandRecord.pending(command.commandId(), 1);
        if (command.kind() == StockCommand.Kind.RESERVE) {
            // started by this delivery (with a token) or by an earlier one (known)
            boolean unindexed = known != null && known.token() == null;
            Update done = new Update().set("state", CommandRecord.DONE)
                    .set("token", CommandRecord.token(command.commandId(), CommandRecord.DONE)).set("answer", answer)
                    .set("unpublished", answer != null).set("sending", 1L).set("queuedAt", now).set("completedAt", now)
                    .set("correlationId", CorrelationId.current());
            if (pending != null) {
                done.set("pending", pending);
            }
            Query inProgress = unindexed ? inProgress(known)
                    : Query.query(where("token").is(CommandRecord.token(command.commandId(), CommandRecord.IN_PROGRESS)));
            if (mongo.updateFirst(inProgress, done, CommandRecord.class).getMatchedCount() == 0) {
                return;
            }
        } else {
            try {
                mongo.insert(new CommandRecord(command.commandId(), command.kind(), command.orderId(),
                        command.fulfillmentId(), command.storeId(), command.lines(), command.at(), CommandRecord.DONE,
                        null, answer, answer != null, 1, now, now, now,
                        CommandRecord.token(command.commandId(), CommandRecord.DONE), pending,
                        CorrelationId.current()));
            } catch (DuplicateKeyException anotherDeliveryCompletedIt) {
                return;
            }
        }
        if (answer != null) {
            events.publishEvent(new AnswerPending(command.commandId()));
        }
    }

    /**
     * The record while it is still in progress: by its token (records stored before tokens existed, by
     * {@code _id} and state).
     */
    private static Query inProgress(CommandRecord record) {
        return record.token() != null
                ? Query.query(where("token").is(CommandRecord.token(record.commandId(), CommandRecord.IN_PROGRESS)))
                : Query.query(where("_id").is(record.commandId()).and("state").is(CommandRecord.IN_PROGRESS));
    }

    /** A command delivered again gets its first answer again (same event id: consumers see the duplicate). */
    private void resend(CommandRecord done) {
        if (done.answer() == null) {
            return;
        }
        long sending = done.sending() + 1;
        mongo.updateFirst(Query.query(where("_id").is(done.commandId())),
                new Update().set("unpublished", true).set("sending", sending)
                        .set("pending", CommandRecord.pending(done.commandId(), sending)).set("queuedAt", clock.instant())
                        .set("correlationId", CorrelationId.current()),
                CommandRecord.class);
        events.publishEvent(new AnswerPending(done.commandId()));
    }
}
