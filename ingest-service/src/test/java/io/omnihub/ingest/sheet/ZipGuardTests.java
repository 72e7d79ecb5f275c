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
    void aRealSpreadsheetPasses() {
        List<SheetRow> rows = new ArrayList<>();

        Sheets.read(new ByteArrayInputStream(io.omnihub.testsupport.Fixtures.bytes("products.xlsx")), FileFormat.XLSX,
                rows::add);

        assertThat(rows).hasSize(51);
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
