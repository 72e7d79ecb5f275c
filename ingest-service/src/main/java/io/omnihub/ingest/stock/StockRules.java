package io.omnihub.ingest.stock;

import io.omnihub.ingest.imports.RowError;
import io.omnihub.ingest.products.Gtin;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of a stock row: a valid EAN, a store id, a whole non-negative quantity, an as-of time. */
final class StockRules {

    static final long MAX_QUANTITY = 1_000_000_000L;
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final DateTimeFormatter BRAZILIAN = DateTimeFormatter.ofPattern("dd/MM/yyyy[ HH:mm[:ss]]");
    /** Excel counts days from 1899-12-30. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private StockRules() {
    }

    /** The valid row, or its errors. */
    static Result check(long number, Map<StockField, String> values, Instant defaultAsOf, ZoneId zone) {
        List<RowError> errors = new ArrayList<>();
        String ean = value(values, StockField.EAN);
        if (ean.isEmpty()) {
            errors.add(new RowError(number, StockField.EAN.column(), "", "ean is required"));
        } else if (Gtin.problem(ean) != null) {
            errors.add(new RowError(number, StockField.EAN.column(), ean, Gtin.problem(ean)));
        }
        String store = value(values, StockField.STORE);
        if (store.isEmpty()) {
            errors.add(new RowError(number, StockField.STORE.column(), "", "store is required"));
        } else if (!STORE_ID.matcher(store).matches()) {
            errors.add(new RowError(number, StockField.STORE.column(), clip(store),
                    "a store id is 1 to 32 letters, digits, '.', '_' or '-'"));
        }
        Long quantity = quantity(number, value(values, StockField.QUANTITY), errors);
        Instant asOf = defaultAsOf;
        String asOfText = value(values, StockField.AS_OF);
        if (!asOfText.isEmpty()) {
            Optional<Instant> parsed = time(asOfText, zone);
            if (parsed.isEmpty()) {
                errors.add(new RowError(number, StockField.AS_OF.column(), clip(asOfText),
                        "write the time as ISO-8601 (2026-11-28T14:30:00-03:00) or dd/MM/yyyy HH:mm"));
            } else {
                asOf = parsed.get();
            }
        }
        return errors.isEmpty() ? new Result(new Row(store, ean, quantity, asOf), List.of())
                : new Result(null, errors);
    }

    private static Long quantity(long number, String text, List<RowError> errors) {
        String column = StockField.QUANTITY.column();
        if (text.isEmpty()) {
            errors.add(new RowError(number, column, "", "quantity is required"));
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(new RowError(number, column, clip(text), "not a number"));
            return null;
        }
        if (value.signum() < 0) {
            errors.add(new RowError(number, column, text, "negative quantity: the ERP reports units on hand"));
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            errors.add(new RowError(number, column, text, "not a whole number of units"));
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            errors.add(new RowError(number, column, text, "more than " + MAX_QUANTITY + " units"));
            return null;
        }
        return value.longValueExact();
    }

    /** ISO-8601 (with offset or zone; a local time is taken in {@code zone}), dd/MM/yyyy HH:mm, or an Excel date. */
    static Optional<Instant> time(String text, ZoneId zone) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            // next form
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notInstant) {
            // next form
        }
        try {
            return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
        } catch (DateTimeParseException notLocal) {
            // next form
        }
        try {
            var parsed = BRAZILIAN.parseBest(text, LocalDateTime::from, LocalDate::from);
            LocalDateTime local = parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
            return Optional.of(local.atZone(zone).toInstant());
        } catch (DateTimeParseException notBrazilian) {
            // next form
        }
        try {
            BigDecimal days = new BigDecimal(text);
            if (days.signum() > 0 && days.compareTo(BigDecimal.valueOf(2_958_465)) < 0) {
                long seconds = days.multiply(BigDecimal.valueOf(86_400)).setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValueExact();
                return Optional.of(EXCEL_EPOCH.atStartOfDay().plusSeconds(seconds).atZone(zone).toInstant());
            }
        } catch (NumberFormatException | ArithmeticException notExcel) {
            // none of the forms
        }
        return Optional.empty();
    }

    private static String value(Map<StockField, String> values, StockField field) {
        String value = values.get(field);
        return value == null ? "" : value.strip();
    }

    private static String clip(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }

    /** A valid stock row. */
    record Row(String storeId, String ean, long quantity, Instant asOf) {
    }

    /** Either the row or its errors. */
    record Result(Row row, List<RowError> errors) {
    }
}
