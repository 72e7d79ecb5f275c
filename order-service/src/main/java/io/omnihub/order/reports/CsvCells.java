package io.omnihub.order.reports;

/**
 * Cells of a CSV export (RFC 4180). Text that a spreadsheet would run as a formula (starting with {@code = + - @},
 * or a tab or carriage return that hides one) is prefixed with {@code '}, so a customer named {@code =HYPERLINK(…)}
 * stays text when an operator opens the file.
 */
final class CsvCells {

    private CsvCells() {
    }

    /** A cell holding text that came from outside (names, references, addresses). */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsFormula(value) ? "'" + value : value;
        return needsQuotes(safe) ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    static boolean startsFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean needsQuotes(String value) {
        return value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf(';') >= 0;
    }
}
