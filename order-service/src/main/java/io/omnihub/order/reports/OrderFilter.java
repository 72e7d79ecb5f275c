package io.omnihub.order.reports;

import io.omnihub.order.model.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The filters of the order reports, parsed from query parameters. {@code from}/{@code to} are dates
 * ({@code 2026-11-29}, whole days in UTC, both included) or instants ({@code 2026-11-29T10:00:00Z}, {@code to}
 * excluded); {@code status} takes one or more order statuses separated by commas.
 *
 * @param to exclusive upper bound of the order's reception time
 */
record OrderFilter(Instant from, Instant to, String siteId, String storeId, Set<OrderStatus> statuses,
        String reference, String brand, String category) {

    static final OrderFilter NONE = new OrderFilter(null, null, null, null, Set.of(), null, null, null);

    OrderFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
    }

    /** Parses the parameters, or throws {@link InvalidFilterException} listing every bad one. */
    static OrderFilter parse(Map<String, String> parameters) {
        List<InvalidFilterException.FieldError> errors = new ArrayList<>();
        Instant from = instant(parameters.get("from"), false, "from", errors);
        Instant to = instant(parameters.get("to"), true, "to", errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new InvalidFilterException.FieldError("to", "must be after from"));
        }
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        String status = blankToNull(parameters.get("status"));
        if (status != null) {
            for (String name : status.split(",")) {
                String wanted = name.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
                try {
                    statuses.add(OrderStatus.valueOf(wanted));
                } catch (IllegalArgumentException e) {
                    errors.add(new InvalidFilterException.FieldError("status", "'" + name.trim()
                            + "' is not an order status; one of " + Arrays.toString(OrderStatus.values())));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFilterException(errors);
        }
        return new OrderFilter(from, to, blankToNull(parameters.get("siteId")),
                blankToNull(parameters.get("storeId")), statuses, blankToNull(parameters.get("reference")),
                blankToNull(parameters.get("brand")), blankToNull(parameters.get("category")));
    }

    private static Instant instant(String value, boolean upper, String field,
            List<InvalidFilterException.FieldError> errors) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        try {
            if (given.length() == 10) {
                LocalDate day = LocalDate.parse(given);
                // a date as upper bound includes that whole day
                return (upper ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(given);
        } catch (DateTimeParseException e) {
            errors.add(new InvalidFilterException.FieldError(field,
                    "'" + given + "' is neither a date (2026-11-29) nor an instant (2026-11-29T10:00:00Z)"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
