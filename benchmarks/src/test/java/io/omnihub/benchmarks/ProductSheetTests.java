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

class ProductSheetTests {

    private static final Path FIXTURE = Path.of("../fixtures/products.xlsx");

    @Test
    void writesTheColumnsOfTheProductFixture(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("products.xlsx");

        ProductSheet.write(file, 3);

        assertThat(rows(file).get(0)).isEqualTo(rows(FIXTURE).get(0)).isEqualTo(ProductSheet.HEADER);
    }

    @Test
    void writesOneDistinctProductPerRowWithAValidGtin13AsText(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("products.xlsx");

        ProductSheet.write(file, 2_000);

        List<List<String>> products = rows(file).subList(1, 2_001);
        Set<String> references = new HashSet<>();
        Set<String> eans = new HashSet<>();
        for (List<String> product : products) {
            references.add(product.get(0));
            eans.add(product.get(1));
            assertThat(product.get(1)).hasSize(13).startsWith("789");
            assertThat(weightedSumOfAllDigits(product.get(1)) % 10).as(product.get(1)).isZero();
            assertThat(Double.parseDouble(product.get(9))).isLessThanOrEqualTo(Double.parseDouble(product.get(8)));
        }
        assertThat(references).hasSize(2_000);
        assertThat(eans).hasSize(2_000);
    }

    @Test
    void writesFilesThatShareNoReferenceOrEanWhenTheyStartFromDifferentProducts(@TempDir Path dir) throws IOException {
        Path measured = dir.resolve("measured.xlsx");
        Path warmUp = dir.resolve("warm-up.xlsx");

        ProductSheet.write(measured, 300);
        ProductSheet.write(warmUp, 300, 100_000_000);

        List<List<String>> first = rows(measured).subList(1, 301);
        List<List<String>> second = rows(warmUp).subList(1, 301);
        Set<String> keys = new HashSet<>();
        for (List<String> product : first) {
            keys.add(product.get(0));
            keys.add(product.get(1));
        }
        for (List<String> product : second) {
            assertThat(keys).doesNotContain(product.get(0), product.get(1));
            assertThat(weightedSumOfAllDigits(product.get(1)) % 10).as(product.get(1)).isZero();
        }
        assertThat(second.get(0).get(0)).isEqualTo("101000001");
    }

    @Test
    void computesTheCheckDigitOfTheFixturesEans() {
        assertThat(ProductSheet.checkDigit("789100000000")).isEqualTo(7);
        assertThat(ProductSheet.checkDigit("789100000791")).isEqualTo(4);
    }

    /** GTIN-13 read from the left: weights 1, 3, 1, … over all 13 digits make a multiple of 10. */
    private static int weightedSumOfAllDigits(String gtin) {
        int sum = 0;
        for (int i = 0; i < gtin.length(); i++) {
            sum += (gtin.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum;
    }

    private static List<List<String>> rows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (var workbook = new ReadableWorkbook(file.toFile()); var stream = workbook.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) stream::iterator) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCell(i) == null ? "" : row.getCell(i).getText());
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
