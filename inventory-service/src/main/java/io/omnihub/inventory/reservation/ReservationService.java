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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * is a conditional write on its (store, EAN) document that holds the units only if that many are available
 * on the state it read, so two orders never both get the last unit; when a line is short, the lines held are
 * taken back and the reservation is refused. There is no transaction across the documents: every step is
 * idempotent (by command id on each pair, by command id for the whole command), so a command cut short by a
 * crash and delivered again finishes what it began. The answer is stored with the command as done (one write)
 * and relayed to {@code inventory.reservations} afterwards.
 */
@Service
public class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);
    /** The unique index of the command records' {@code token} of earlier versions (the writes' condition then). */
    private static final String LEGACY_TOKEN_INDEX = "token";

    private final StockService stock;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReservationService(StockService stock, MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.stock = stock;
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
        dropLegacyTokenIndex();
    }

    /**
     * The writes that move a record's state are conditioned on {@code {_id, state}}, which the {@code _id} index
     * serves (MongoDB, and the embedded one since it looks up by {@code _id} any query naming it): the unique
     * {@code token} index an earlier version kept for the embedded one only cost every write of a record.
     */
    private void dropLegacyTokenIndex() {
        var indexes = mongo.indexOps(CommandRecord.class);
        if (indexes.getIndexInfo().stream().anyMatch(index -> LEGACY_TOKEN_INDEX.equals(index.getName()))) {
            // by its keys, not its name: the embedded MongoDB dropped an index of that name in every collection
            mongo.getCollection(mongo.getCollectionName(CommandRecord.class))
                    .dropIndex(new org.bson.Document(LEGACY_TOKEN_INDEX, 1));
        }
    }

    /**
     * Carries out the command once; a command already done changes nothing and has its answer sent again.
     * Answers the answer to publish (empty for commands that have none).
     */
    public Optional<ReservationAnswer> handle(StockCommand command) {
        // a reservation's record is inserted first (the insert is the check: read only when one is stored), other
        // commands' records are read first (inserted done at the end)
        CommandRecord known = command.kind() == StockCommand.Kind.RESERVE ? start(command)
                : mongo.findById(command.commandId(), CommandRecord.class);
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
        complete(command, answer);
        return Optional.ofNullable(answer);
    }

    /**
     * Inserts the reservation's record, in progress; answers null when this delivery inserted it, else the record
     * stored (an earlier delivery's, done or cut short by a crash, or another command's with the same id).
     */
    private CommandRecord start(StockCommand command) {
        try {
            mongo.insert(CommandRecord.started(command, clock.instant()));
            return null;
        } catch (DuplicateKeyException storedBefore) {
            return mongo.findById(command.commandId(), CommandRecord.class);
        }
    }

    /**
     * Holds every line at once (one read and one bulk write for all of them); when some line is short, records the
     * refusal (only if some line holds units, which are then taken back: a redelivery after a crash in between
     * finishes the refusal instead of deciding again) and takes back what the command holds.
     */
    private ReservationAnswer reserve(StockCommand command, CommandRecord known) {
        List<Line> lines = command.linesByEan();
        if (known != null && known.refusal() != null) {
            // refused before a crash: finish taking back what was held, answer what was decided
            undo(command, lines);
            return refused(command, known.refusal());
        }
        Map<String, LineHold> holds = stock.holdAll(command.storeId(), quantities(command), command.commandId(),
                command.fulfillmentId(), command.at());
        List<Shortfall> shortages = new ArrayList<>();
        List<Line> held = new ArrayList<>();
        for (Line line : lines) {
            LineHold hold = holds.get(line.ean());
            if (hold.held()) {
                held.add(line);
            } else {
                shortages.add(new Shortfall(line.ean(), line.quantity(), hold.available()));
            }
        }
        if (shortages.isEmpty()) {
            return new ReservationAnswer(Outcome.CONFIRMED, command.lines(), List.of(), null, clock.instant());
        }
        if (!held.isEmpty()) {
            mongo.updateFirst(inProgress(command.commandId()), new Update().set("refusal", shortages),
                    CommandRecord.class);
            undo(command, held);
        }
        return refused(command, shortages);
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
        Map<String, Long> units = stock.releaseAll(command.storeId(), quantities(command), command.commandId(),
                command.fulfillmentId());
        List<Line> released = new ArrayList<>();
        units.forEach((ean, quantity) -> {
            if (quantity > 0) {
                released.add(new Line(ean, quantity));
            }
        });
        return new ReservationAnswer(Outcome.RELEASED, released, List.of(), command.reason(), command.at());
    }

    private ReservationAnswer consume(StockCommand command) {
        stock.consumeAll(command.storeId(), quantities(command), command.commandId(), command.fulfillmentId(),
                command.at());
        return null;
    }

    /** The command's quantity per EAN, in EAN order (repeated EANs added up). */
    private static Map<String, Long> quantities(StockCommand command) {
        Map<String, Long> quantities = new LinkedHashMap<>();
        command.linesByEan().forEach(line -> quantities.put(line.ean(), line.quantity()));
        return quantities;
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
     * exists (in progress) and is completed on {@code {_id, state}}, once; other commands' records are inserted
     * done, once. The relay is handed the answer as stored, so it need not read it back.
     */
    private void complete(StockCommand command, ReservationAnswer answer) {
        var now = clock.instant();
        long sending = 1;
        String pending = answer == null ? null : CommandRecord.pending(command.commandId(), sending);
        String correlationId = CorrelationId.current();
        if (command.kind() == StockCommand.Kind.RESERVE) {
            Update done = new Update().set("state", CommandRecord.DONE).set("answer", answer)
                    .set("unpublished", answer != null).set("sending", sending).set("queuedAt", now)
                    .set("completedAt", now).set("correlationId", correlationId);
            if (pending != null) {
                done.set("pending", pending);
            }
            if (mongo.updateFirst(inProgress(command.commandId()), done, CommandRecord.class).getMatchedCount() == 0) {
                return;
            }
        } else {
            try {
                mongo.insert(new CommandRecord(command.commandId(), command.kind(), command.orderId(),
                        command.fulfillmentId(), command.storeId(), command.lines(), command.at(), CommandRecord.DONE,
                        null, answer, answer != null, sending, now, now, now, pending, correlationId));
            } catch (DuplicateKeyException anotherDeliveryCompletedIt) {
                return;
            }
        }
        if (answer != null) {
            events.publishEvent(new AnswerPending(new PendingAnswer(command.commandId(), command.orderId(),
                    command.fulfillmentId(), command.storeId(), answer, sending, correlationId)));
        }
    }

    /** The record while it is still in progress (served by the {@code _id} index). */
    private static Query inProgress(String commandId) {
        return Query.query(where("_id").is(commandId).and("state").is(CommandRecord.IN_PROGRESS));
    }

    /** A command delivered again gets its first answer again (same event id: consumers see the duplicate). */
    private void resend(CommandRecord done) {
        if (done.answer() == null) {
            return;
        }
        long sending = done.sending() + 1;
        String correlationId = CorrelationId.current();
        mongo.updateFirst(Query.query(where("_id").is(done.commandId())),
                new Update().set("unpublished", true).set("sending", sending)
                        .set("pending", CommandRecord.pending(done.commandId(), sending)).set("queuedAt", clock.instant())
                        .set("correlationId", correlationId),
                CommandRecord.class);
        events.publishEvent(new AnswerPending(new PendingAnswer(done.commandId(), done.orderId(),
                done.fulfillmentId(), done.storeId(), done.answer(), sending, correlationId)));
    }
}
