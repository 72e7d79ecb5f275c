package io.omnihub.order.model;

import java.time.Instant;
import java.util.List;

/**
 * A store's answer to a fulfilment, kept so the same answer again gets the same response and a different one
 * is refused.
 *
 * @param reason the reason of REJECT_ALL; null otherwise
 * @param lines  PARTIAL's lines; for ACCEPT_ALL and REJECT_ALL, empty
 */
public record Acceptance(Decision decision, RejectReason reason, List<Line> lines, Instant answeredAt) {

    public Acceptance {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** True when {@code other} says the same thing, whenever it was said. */
    public boolean sameAnswerAs(Acceptance other) {
        return decision == other.decision && reason == other.reason
                && lines.stream().sorted(java.util.Comparator.comparing(Line::ean)).toList()
                        .equals(other.lines.stream().sorted(java.util.Comparator.comparing(Line::ean)).toList());
    }

    /** What a store can answer. */
    public enum Decision {
        ACCEPT_ALL, REJECT_ALL, PARTIAL
    }

    /** A PARTIAL answer for one EAN: accepted + rejected is the line's whole quantity. */
    public record Line(String ean, long acceptedQuantity, long rejectedQuantity, RejectReason reason) {
    }
}
