package io.omnihub.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a stock file as an ERP exports it, three columns (EAN as text, store, quantity as a number), as
 * {@code .xlsx} and as the same rows in JSON ({@code {"items": [{"ean", "storeId", "quantity"}]}}). Every row a
 * distinct (store, EAN) pair: {@link #STORES} stores of {@code rows / STORES} products each. Deterministic.
 */
public final class StockSheet {

    /** The header row, with the Portuguese names ERPs use. */
    public static final List<String> HEADER = List.of("EAN", "Loja", "Quantidade");
    static final int STORES = 50;
    private static final int FLUSH_EVERY = 1_000;

    private StockSheet() {
    }

    /** The store of row {@code n} (0-based). */
    static String store(int n) {
        return String.format("LJ%03d", n % STORES + 1);
    }

    /** The EAN of row {@code n}: one product per {@link #STORES} rows, a GTIN-13 with its check digit. */
    static String ean(int n) {
        return ProductSheet.ean(n / STORES);
    }

    /** A quantity from 1 to 500, never 0, so every pair has something to promise. */
    static int quantity(int n) {
        return (int) ((n * 2_654_435_761L) % 500) + 1;
    }

    public static void writeXlsx(Path file, int rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Workbook workbook = new Workbook(out, "omnihub-benchmarks", "1.0");
            Worksheet sheet = workbook.newWorksheet("Estoque");
            for (int column = 0; column < HEADER.size(); column++) {
                sheet.value(0, column, HEADER.get(column));
            }
            for (int row = 1; row <= rows; row++) {
                int n = row - 1;
                sheet.value(row, 0, ean(n));
                sheet.value(row, 1, store(n));
                sheet.value(row, 2, quantity(n));
                if (row % FLUSH_EVERY == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
        }
    }

    public static void writeJson(Path file, int rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator json = JsonMapper.builder().build().createGenerator(out)) {
            json.writeStartObject();
            json.writeName("items");
            json.writeStartArray();
            for (int n = 0; n < rows; n++) {
                json.writeStartObject();
                json.writeStringProperty("ean", ean(n));
                json.writeStringProperty("storeId", store(n));
                json.writeNumberProperty("quantity", quantity(n));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
