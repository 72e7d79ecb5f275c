package io.omnihub.ingest.imports;

/**
 * Why one row (or JSON item) was not imported.
 *
 * @param row    1-based row number in the sheet, or item index + 1 in JSON
 * @param column the column (header as the ERP wrote it) or JSON field
 * @param value  the offending value as read
 * @param reason what is wrong, for a person to fix
 */
public record RowError(long row, String column, String value, String reason) {
}
