package io.omnihub.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The parse-only ceiling: fastexcel-reader reads every cell's text of the first sheet, from an {@link InputStream}
 * as ingest gets it from S3, and nothing else happens. Run as a main, it prints one line per pass, so that it can be
 * measured in a JVM started with the services' flags.
 */
public final class ParseOnly {

    static final String LINE_PREFIX = "parse-only pass ";

    private ParseOnly() {
    }

    /** One pass over the file. */
    public record Pass(long rows, long nanos, long checksum) {

        public double rowsPerSecond() {
            return rows * 1e9 / nanos;
        }
    }

    public static Pass pass(Path file) throws IOException {
        long begin = System.nanoTime();
        long rows = 0;
        long checksum = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             ReadableWorkbook workbook = new ReadableWorkbook(in);
             var stream = workbook.getFirstSheet().openStream()) {
            var iterator = stream.iterator();
            while (iterator.hasNext()) {
                Row row = iterator.next();
                rows++;
                for (int i = 0; i < row.getCellCount(); i++) {
                    Cell cell = row.getCell(i);
                    // touch what ingest touches, so that nothing is skipped as unused
                    String text = cell == null ? null : cell.getText();
                    checksum += text == null ? 0 : text.length();
                }
            }
        }
        return new Pass(rows, System.nanoTime() - begin, checksum);
    }

    /** {@code passes} passes, one after the other in this JVM. */
    public static List<Pass> passes(Path file, int passes) throws IOException {
        List<Pass> all = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            all.add(pass(file));
        }
        return all;
    }

    static String line(int index, Pass pass) {
        return LINE_PREFIX + index + " rows=" + pass.rows() + " nanos=" + pass.nanos() + " checksum="
                + pass.checksum();
    }

    /** Reads back what {@link #line} printed; null for any other line. */
    static Pass parseLine(String line) {
        if (!line.startsWith(LINE_PREFIX)) {
            return null;
        }
        long rows = 0;
        long nanos = 0;
        long checksum = 0;
        for (String part : line.substring(LINE_PREFIX.length()).split(" ")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2) {
                switch (pair[0]) {
                    case "rows" -> rows = Long.parseLong(pair[1]);
                    case "nanos" -> nanos = Long.parseLong(pair[1]);
                    case "checksum" -> checksum = Long.parseLong(pair[1]);
                    default -> { }
                }
            }
        }
        return new Pass(rows, nanos, checksum);
    }

    /** {@code ParseOnly <file.xlsx> <passes>}: one line per pass on standard output. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int i = 0; i < passes; i++) {
            System.out.println(line(i, pass(file)));
        }
    }
}
