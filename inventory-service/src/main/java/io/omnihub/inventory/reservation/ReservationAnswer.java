package io.omnihub.inventory.reservation;

import io.omnihub.inventory.reservation.StockCommand.Line;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What inventory answers order-service on {@code inventory.reservations}.
 *
 * @param lines     held (confirmed) or given back (released)
 * @param shortages the lines that lacked stock (refused)
 * @param reason    the release's reason
 */
public record ReservationAnswer(Outcome outcome, List<Line> lines, List<Shortfall> shortages, String reason,
        Instant at) {

    /** The answer's kind. */
    public enum Outcome {
        CONFIRMED, REFUSED, RELEASED
    }

    /** Of {@code requested} units only {@code available} could be promised. */
    public record Shortfall(String ean, long requested, long available) {
    }

    public ReservationAnswer {
        lines = lines == null ? List.of() : List.copyOf(lines);
        shortages = shortages == null ? List.of() : List.copyOf(shortages);
        // as stored (MongoDB keeps dates to the millisecond): the relay sends the answer it was handed, and a
        // command delivered again is answered with the stored one, which must be the same
        at = at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }
}
