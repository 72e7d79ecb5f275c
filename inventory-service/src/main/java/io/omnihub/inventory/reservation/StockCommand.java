package io.omnihub.inventory.reservation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command of order-service about a fulfilment's stock at one store. Idempotent by {@code commandId}.
 *
 * @param lines  the EANs and quantities (for {@link Kind#MARK_OUT_OF_STOCK} the quantities are 0)
 * @param reason why units are released (release only)
 * @param at     when it happened (for a reservation: when it was requested)
 */
public record StockCommand(Kind kind, String commandId, String orderId, String fulfillmentId, String storeId,
        List<Line> lines, String reason, Instant at) {

    /** What the command asks for. */
    public enum Kind {
        RESERVE, RELEASE, CONSUME, RESTOCK, MARK_OUT_OF_STOCK
    }

    /** A quantity of one EAN. */
    public record Line(String ean, long quantity) {
    }

    public StockCommand {
        require(kind, "kind");
        requireText(commandId, "commandId");
        requireText(orderId, "orderId");
        requireText(storeId, "storeId");
        if (kind != Kind.MARK_OUT_OF_STOCK && kind != Kind.RESTOCK) {
            requireText(fulfillmentId, "fulfillmentId");
        }
        require(at, kind == Kind.RESERVE ? "requestedAt" : "at");
        require(lines, "lines");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one line");
        }
        for (Line line : lines) {
            require(line, "line");
            requireText(line.ean(), "ean");
            if (kind == Kind.MARK_OUT_OF_STOCK ? line.quantity() != 0 : line.quantity() < 1) {
                throw new IllegalArgumentException("line " + line.ean() + ": quantity must be at least 1, was "
                        + line.quantity());
            }
        }
    }

    /** The lines with one entry per EAN (quantities of repeated EANs added up), in EAN order. */
    List<Line> linesByEan() {
        Map<String, Long> byEan = new LinkedHashMap<>();
        lines.stream().sorted(java.util.Comparator.comparing(Line::ean))
                .forEach(line -> byEan.merge(line.ean(), line.quantity(), Long::sum));
        return byEan.entrySet().stream().map(entry -> new Line(entry.getKey(), entry.getValue())).toList();
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
