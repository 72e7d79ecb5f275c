package io.omnihub.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;

/**
 * The hostile corpus: the small files checked in under {@code src/test/resources/hostile/} (written by its
 * {@code make-corpus.py}), and the ones made at test time because they are large (a zip bomb, a million rows)
 * or name this run's files and ports (XML entities).
 */
final class HostileFiles {

    private HostileFiles() {
    }

    static byte[] corpus(String name) {
        try (var in = HostileFiles.class.getResourceAsStream("/hostile/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no hostile/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet of {@code size} bytes of blanks: 1,000 times smaller compressed, refused by its directory. */
    static byte[] ratioBomb(long size) {
        return workbook(out -> {
            out.write((PROLOG + SHEET_START).getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1024 * 1024];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (long written = 0; written < size; written += blanks.length) {
                out.write(blanks);
            }
            out.write(SHEET_END.getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * The same bomb whose ZIP directory lies: it declares the sheet at {@code declared} bytes, so only inflating
     * it tells.
     */
    static byte[] lyingBomb(long size, int declared) {
        byte[] zip = ratioBomb(size);
        byte[] name = SHEET.getBytes(StandardCharsets.UTF_8);
        for (int i = zip.length - 46; i >= 0; i--) {
            // central directory header: PK 1 2, file name length at 28, uncompressed size at 24, name at 46
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2
                    && (zip[i + 28] & 0xFF) == name.length && startsWith(zip, i + 46, name)) {
                zip[i + 24] = (byte) declared;
                zip[i + 25] = (byte) (declared >> 8);
                zip[i + 26] = (byte) (declared >> 16);
                zip[i + 27] = (byte) (declared >> 24);
                return zip;
            }
        }
        throw new IllegalStateException("no central directory entry for " + SHEET);
    }

    /** A product sheet whose XML declares an external entity (a file or a URL) and uses it in a cell. */
    static byte[] externalEntity(String systemId) {
        String sheet = PROLOG + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + systemId + "\">]>\n" + SHEET_START
                + row(1, "Referência", "EAN", "Nome", "Preço", "Preço com desconto")
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>H-70</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>"
                + "7891000000007</t></is></c><c r=\"C2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c><c r=\"D2\"><v>10</v>"
                + "</c><c r=\"E2\"><v>9</v></c></row>" + SHEET_END;
        return workbook(out -> out.write(sheet.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A partial stock sheet of {@code rows} rows (plus the header), written straight to disk: EANs in order, one
     * store, every {@code badEvery}-th row with a wrong check digit.
     */
    static Path stockSheet(Path file, int rows, int badEvery) {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook(out, sheet -> {
                Writer writer = new OutputStreamWriter(sheet, StandardCharsets.UTF_8);
                writer.write(PROLOG + SHEET_START);
                writer.write(row(1, "EAN", "Loja", "Quantidade"));
                StringBuilder line = new StringBuilder(160);
                for (int i = 1; i <= rows; i++) {
                    String data = String.format("789%09d", i);
                    int check = checkDigit(data);
                    int number = i + 1;
                    line.setLength(0);
                    line.append("<row r=\"").append(number).append("\"><c r=\"A").append(number)
                            .append("\" t=\"inlineStr\"><is><t>").append(data)
                            .append(i % badEvery == 0 ? (check + 1) % 10 : check)
                            .append("</t></is></c><c r=\"B").append(number).append("\" t=\"inlineStr\"><is><t>LJ001")
                            .append("</t></is></c><c r=\"C").append(number).append("\"><v>").append(i % 1000)
                            .append("</v></c></row>");
                    writer.append(line);
                }
                writer.write(SHEET_END);
                writer.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A legacy .xls with these rows (strings and numbers). */
    static byte[] xls(List<List<Object>> rows) {
        try (var workbook = new HSSFWorkbook(); var bytes = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GS1 mod-10, written again here so that the corpus does not trust the code it tests. */
    static int checkDigit(String data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            int digit = data.charAt(data.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String SHEET_START =
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private static final String SHEET_END = "</sheetData></worksheet>";

    private static String row(int number, String... cells) {
        StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
        for (int c = 0; c < cells.length; c++) {
            row.append("<c r=\"").append((char) ('A' + c)).append(number).append("\" t=\"inlineStr\"><is><t>")
                    .append(cells[c]).append("</t></is></c>");
        }
        return row.append("</row>").toString();
    }

    private interface SheetWriter {
        void write(OutputStream sheet) throws IOException;
    }

    private static byte[] workbook(SheetWriter sheet) {
        var bytes = new ByteArrayOutputStream();
        workbook(bytes, sheet);
        return bytes.toByteArray();
    }

    private static void workbook(OutputStream target, SheetWriter sheet) {
        try (var zip = new ZipOutputStream(target)) {
            entry(zip, "[Content_Types].xml", PROLOG + "<Types xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
                    + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/"
                    + SHEET + "\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet"
                    + "+xml\"/></Types>");
            entry(zip, "_rels/.rels", PROLOG + "<Relationships xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas"
                    + ".openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", PROLOG + "<workbook xmlns=\"http://schemas"
                    + ".openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>"
                    + "</sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", PROLOG + "<Relationships "
                    + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                    + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\""
                    + "worksheets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry(SHEET));
            sheet.write(zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static boolean startsWith(byte[] bytes, int from, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
