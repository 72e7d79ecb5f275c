package io.omnihub.ingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * Reads the first sheet of an Excel file row by row. {@code .xlsx} is streamed (bounded memory, whatever
 * the size); legacy {@code .xls} is small by nature (at most 65,536 rows) and read with POI's HSSF.
 */
public final class Sheets {

    private Sheets() {
    }

    public static void read(InputStream in, FileFormat format, Consumer<SheetRow> rows) {
        switch (format) {
            case XLSX -> readXlsx(in, rows);
            case XLS -> readXls(in, rows);
            default -> throw new UnreadableFileException("not an Excel file (.xlsx or .xls)");
        }
    }

    /**
     * The file goes to a temporary file first: its ZIP directory is checked before anything is inflated,
     * and the reader gets random access instead of a second copy in memory.
     */
    private static void readXlsx(InputStream in, Consumer<SheetRow> rows) {
        Path file = null;
        try {
            file = Files.createTempFile("omnihub-import-", ".xlsx");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            ZipGuard.check(file);
            readXlsx(file, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /**
     * Parsing (this thread) and what the consumer does with each row (validating, serialising, sending: a
     * worker of {@link RowPipeline}) overlap. A break in the file is reported after the rows read before it
     * were consumed, so that the importer can count them.
     */
    private static void readXlsx(Path file, Consumer<SheetRow> rows) {
        var pipeline = new RowPipeline(rows);
        RuntimeException unreadable = null;
        try {
            try (var workbook = new ReadableWorkbook(file.toFile());
                    var stream = workbook.getFirstSheet().openStream()) {
                stream.forEach(row -> {
                    List<String> cells = new ArrayList<>(row.getCellCount());
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row.getCell(i)));
                    }
                    pipeline.accept(new SheetRow(row.getRowNum(), cells));
                });
            } catch (IOException | RuntimeException e) {
                unreadable = pipeline.consumerFailed() || e instanceof RowHandlingException
                        || e instanceof UnreadableFileException ? asRuntime(e)
                        : new UnreadableFileException("cannot read the .xlsx file: " + e.getMessage(), e);
            }
            // the consumer's own failure, if any, wins over the reader's
            pipeline.finish();
        } finally {
            pipeline.stop();
        }
        if (unreadable != null) {
            throw unreadable;
        }
    }

    private static RuntimeException asRuntime(Exception e) {
        return e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
    }

    private static String text(org.dhatim.fastexcel.reader.Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> exactDigits(cell.getRawValue());
            case EMPTY -> "";
            default -> cell.getText() == null ? "" : cell.getText().trim();
        };
    }

    /** POI holds a whole {@code .xls} in memory; 65,536 rows of any real sheet stay far below this. */
    static final int MAX_XLS_BYTES = 50 * 1024 * 1024;

    private static void readXls(InputStream in, Consumer<SheetRow> rows) {
        byte[] content;
        try {
            content = in.readNBytes(MAX_XLS_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (content.length > MAX_XLS_BYTES) {
            throw new UnreadableFileException("a legacy .xls above " + MAX_XLS_BYTES / (1024 * 1024)
                    + " MB is refused: save it as .xlsx");
        }
        try (var workbook = new HSSFWorkbook(new java.io.ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            var formatter = new DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                    cells.add(text(row.getCell(i), formatter));
                }
                rows.accept(new SheetRow(row.getRowNum() + 1L, cells));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RowHandlingException || e instanceof UnreadableFileException) {
                throw (RuntimeException) e;
            }
            throw new UnreadableFileException("cannot read the .xls file: " + e.getMessage(), e);
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
            return exactDigits(Double.toString(cell.getNumericCellValue()));
        }
        return formatter.formatCellValue(cell).trim();
    }

    /** Digits a plain number may have on either side of the point before it is left as written. */
    static final int MAX_PLAIN_DIGITS = 40;

    /**
     * {@code 7.89123456789E12} → {@code 7891234567890}; {@code 129.90} → {@code 129.9}. A number too large or
     * too small to be a code, a price or a quantity ({@code 1E+999999999} in a crafted sheet) stays as written:
     * its plain form would be a billion digits.
     */
    static String exactDigits(String number) {
        String text = number.trim();
        try {
            BigDecimal value = new BigDecimal(text).stripTrailingZeros();
            int integerDigits = value.precision() - value.scale();
            if (integerDigits > MAX_PLAIN_DIGITS || value.scale() > MAX_PLAIN_DIGITS) {
                return text;
            }
            return value.toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** Thrown by a row consumer to stop reading: not the file's fault, so it passes through unchanged. */
    public static class RowHandlingException extends RuntimeException {
        public RowHandlingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
