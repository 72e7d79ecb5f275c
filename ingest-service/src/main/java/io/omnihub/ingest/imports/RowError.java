package io.omnihub.ingest.imports;

/**
 * Why one row (or JSON item) was not imported. The value and the column are clipped: a hostile cell of
 * megabytes must not make the job document (20 errors of it) or the report unwritable.
 *
 * @param row    1-based row number in the sheet, or item index + 1 in JSON
 * @param column the column (header as the ERP wrote it) or JSON field
 * @param value  the offending value as read, at most {@value #MAX_VALUE} characters and an ellipsis
 * @param reason what is wrong, for a person to fix
 */
public record RowError(long row, String column, String value, String reason) {

    /** What a report keeps of a value: enough to find it in the file. */
    public static final int MAX_VALUE = 200;

    public RowError {
        column = clip(column);
        value = clip(value);
    }

    /** The first {@value #MAX_VALUE} characters and an ellipsis, never a lone half of a surrogate pair. */
    public static String clip(String text) {
        if (text == null || text.length() <= MAX_VALUE) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_VALUE - 1)) ? MAX_VALUE - 1 : MAX_VALUE;
        return text.substring(0, end) + "…";
    }
}
