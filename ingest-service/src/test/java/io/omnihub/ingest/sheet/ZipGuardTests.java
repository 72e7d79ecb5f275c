package io.omnihub.ingest.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipGuardTests {

    @Test
    void aZipWhosePartExpandsAThousandTimesIsRefusedBeforeItIsInflated() throws IOException {
        byte[] bomb = zipOfZeros("xl/worksheets/sheet1.xml", 64L * 1024 * 1024);

        assertThatThrownBy(() -> Sheets.read(new ByteArrayInputStream(bomb), FileFormat.XLSX, row -> { }))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("zip bomb")
                .hasMessageContaining("xl/worksheets/sheet1.xml");
    }

    @Test
    void aPartWhoseDirectoryUnderstatesItsSizeIsRefusedOnceInflatingPassesTheDeclaredSize() throws IOException {
        byte[] bomb = zipOfZeros("xl/worksheets/sheet1.xml", 8L * 1024 * 1024);
        declareSize(bomb, "xl/worksheets/sheet1.xml", 1000);

        assertThatThrownBy(() -> Sheets.read(new ByteArrayInputStream(bomb), FileFormat.XLSX, row -> { }))
                .isInstanceOf(UnreadableFileException.class).hasMessage("refused as a zip bomb: part "
                        + "xl/worksheets/sheet1.xml expands beyond the 1000 bytes its directory declares");
    }

    @Test
    void sharedStringsLargerThanTheReaderMayHoldAreRefused() throws IOException {
        byte[] bomb = zipOfZeros("xl/sharedStrings.xml", ZipGuard.MAX_IN_MEMORY_PART_BYTES + 1024 * 1024);

        assertThatThrownBy(() -> Sheets.read(new ByteArrayInputStream(bomb), FileFormat.XLSX, row -> { }))
                .isInstanceOf(UnreadableFileException.class).hasMessageStartingWith("refused as a zip bomb: part "
                        + "xl/sharedStrings.xml would expand to");
    }

    @Test
    void aDoctypeIsFoundInTheProlog() {
        assertThat(doctype("<?xml version=\"1.0\"?>\n<!-- c --><!DOCTYPE x [<!ENTITY a \"b\">]><x/>")).isTrue();
        assertThat(doctype("<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://h/x.dtd\"><x/>")).isTrue();
        assertThat(doctype("<?xml version=\"1.0\"?><worksheet><t>&lt;!DOCTYPE in text</t></worksheet>")).isFalse();
        assertThat(doctype("<worksheet/><!DOCTYPE x>")).isFalse();
        assertThat(doctype("<?xml version=\"1.0\"?><sst/>")).isFalse();
    }

    @Test
    void aRealSpreadsheetPasses() {
        List<SheetRow> rows = new ArrayList<>();

        Sheets.read(new ByteArrayInputStream(io.omnihub.testsupport.Fixtures.bytes("products.xlsx")), FileFormat.XLSX,
                rows::add);

        assertThat(rows).hasSize(51);
    }

    private static boolean doctype(String xml) {
        byte[] bytes = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ZipGuard.declaresDoctype(bytes, bytes.length);
    }

    /** Rewrites the entry's uncompressed size in the ZIP's central directory, as a forged bomb does. */
    private static void declareSize(byte[] zip, String name, int size) {
        byte[] wanted = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = zip.length - 46; i >= 0; i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2
                    && java.util.Arrays.equals(zip, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                for (int b = 0; b < 4; b++) {
                    zip[i + 24 + b] = (byte) (size >> (8 * b));
                }
                return;
            }
        }
        throw new IllegalStateException("no directory entry " + name);
    }

    private static byte[] zipOfZeros(String name, long size) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
