package io.omnihub.ingest.sheet;

import java.util.List;

/**
 * One row of a spreadsheet as text: numbers as their exact digits (never Excel's display format),
 * empty cells as "".
 *
 * @param number the 1-based row number the user sees in Excel
 */
public record SheetRow(long number, List<String> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
