package io.omnihub.order.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes export rows as an .xlsx sheet with Apache POI's streaming workbook: only the last {@link #WINDOW} rows are
 * in memory, older ones go to a temporary file that is deleted when the export closes. Text cells are stored as
 * text, never as formulas, so nothing a customer typed can run when the file is opened.
 */
final class XlsxExport implements RowWriter {

    static final int WINDOW = 100;

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final Sheet sheet;
    private final CellStyle money;
    private int rows;

    XlsxExport(OutputStream out) {
        this.out = out;
        this.workbook = new SXSSFWorkbook(WINDOW);
        // temp files hold the flushed rows; compressed they take a fraction of the space
        this.workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet("orders");
        this.money = workbook.createCellStyle();
        this.money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
    }

    @Override
    public void header(List<String> names) {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < names.size(); i++) {
            row.createCell(i).setCellValue(names.get(i));
            row.getCell(i).setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<Object> cells) {
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            if (value instanceof BigDecimal decimal) {
                row.createCell(i).setCellValue(decimal.doubleValue());
                row.getCell(i).setCellStyle(money);
            } else if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else {
                row.createCell(i).setCellValue(value.toString());
            }
        }
    }

    // nothing reaches the client before this: an export that fails half-way is answered as an error, not a
    // truncated workbook
    @Override
    public void finish() throws IOException {
        workbook.write(out);
        out.flush();
    }

    /** Deletes the temporary file. */
    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
