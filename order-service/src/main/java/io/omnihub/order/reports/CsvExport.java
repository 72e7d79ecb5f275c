package io.omnihub.order.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes export rows as CSV (UTF-8, comma-separated, CRLF, RFC 4180 quoting, formula-safe text). */
final class CsvExport implements RowWriter {

    private final Writer out;

    CsvExport(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
    }

    @Override
    public void header(List<String> names) {
        line(names.stream().map(CsvCells::text).toList());
    }

    @Override
    public void row(List<Object> cells) {
        line(cells.stream().map(CsvExport::cell).toList());
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        // the response's stream belongs to the container
    }

    // only text can smuggle a formula in; counts and amounts are written as the numbers they are
    private static String cell(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return CsvCells.text(value == null ? null : value.toString());
    }

    private void line(List<String> cells) {
        try {
            out.write(String.join(",", cells));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
