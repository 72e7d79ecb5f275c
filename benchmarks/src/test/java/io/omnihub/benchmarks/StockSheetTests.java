package io.omnihub.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StockSheetTests {

    @Test
    void theSpreadsheetHoldsOneDistinctStorePairPerRowWithAValidEanAndAQuantity(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("stock.xlsx");

        StockSheet.writeXlsx(file, 1_000);

        List<List<String>> rows = rows(file);
        assertThat(rows.get(0)).containsExactly("EAN", "Loja", "Quantidade");
        assertThat(rows).hasSize(1_001);
        Set<String> pairs = new HashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            pairs.add(row.get(1) + ":" + row.get(0));
            assertThat(row.get(0)).hasSize(13);
            assertThat(ProductSheet.checkDigit(row.get(0).substring(0, 12)))
                    .isEqualTo(row.get(0).charAt(12) - '0');
            assertThat(Integer.parseInt(row.get(2))).isBetween(1, 500);
        }
        assertThat(pairs).hasSize(1_000);
    }

    @Test
    void theJsonHoldsTheSameRowsAsTheSpreadsheetAndParsesToAsManyItems(@TempDir Path dir) throws IOException {
        Path xlsx = dir.resolve("stock.xlsx");
        Path json = dir.resolve("stock.json");
        StockSheet.writeXlsx(xlsx, 120);
        StockSheet.writeJson(json, 120);

        JsonNode items = JsonMapper.builder().build().readTree(json.toFile()).path("items");
        List<List<String>> rows = rows(xlsx);

        assertThat(items).hasSize(120);
        for (int i = 0; i < 120; i++) {
            assertThat(List.of(items.get(i).path("ean").asString(), items.get(i).path("storeId").asString(),
                    items.get(i).path("quantity").asString())).isEqualTo(rows.get(i + 1));
        }
        assertThat(JsonParseOnly.pass(json).rows()).isEqualTo(120);
    }

    private static List<List<String>> rows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
             var stream = workbook.getFirstSheet().openStream()) {
            stream.forEach((Row row) -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCell(i) == null ? "" : row.getCell(i).getText());
                }
                rows.add(cells);
            });
        }
        return rows;
    }
}
