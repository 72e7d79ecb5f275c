package io.omnihub.ingest.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SheetsTests {

    @Test
    void readsTheFirstColumnOfTheLibreOfficeCategoriesFile() throws IOException {
        List<SheetRow> rows = read("categories.xlsx");

        assertThat(rows).first().isEqualTo(new SheetRow(1, List.of("Categoria")));
        assertThat(rows).extracting(row -> row.cell(0))
                .contains("Roupas", "Roupas > Camisetas", "Acessórios > Óculos").hasSize(11);
    }

    @Test
    void readsLegacyXlsWithTheSameRowNumbersAsExcelShows() throws IOException {
        List<SheetRow> rows = read("products-legacy.xls");

        assertThat(rows.get(0).number()).isEqualTo(1);
        assertThat(rows.get(0).cell(0)).isNotBlank();
        assertThat(rows).hasSizeGreaterThan(50);
    }

    @Test
    void sniffsFormatFromContentNotName() throws IOException {
        assertThat(sniff(Files.readAllBytes(Fixtures.path("categories.xlsx")))).isEqualTo(FileFormat.XLSX);
        assertThat(sniff(Files.readAllBytes(Fixtures.path("products-legacy.xls")))).isEqualTo(FileFormat.XLS);
        assertThat(sniff(" \n[\"Roupas\"]".getBytes())).isEqualTo(FileFormat.JSON);
        assertThat(sniff("\uFEFF{\"items\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(FileFormat.JSON);
        assertThat(sniff("reference;ean\n".getBytes())).isEqualTo(FileFormat.UNKNOWN);
    }

    @Test
    void numbersKeepTheirExactDigits() {
        assertThat(Sheets.exactDigits("7.89123456789E12")).isEqualTo("7891234567890");
        assertThat(Sheets.exactDigits("7891000000007")).isEqualTo("7891000000007");
        assertThat(Sheets.exactDigits("129.90")).isEqualTo("129.9");
        assertThat(Sheets.exactDigits("5.0")).isEqualTo("5");
    }

    @Test
    void aFileThatIsNotASpreadsheetIsUnreadable() {
        byte[] zipButNotExcel = {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3};

        assertThatThrownBy(() -> Sheets.read(new ByteArrayInputStream(zipButNotExcel), FileFormat.XLSX, row -> { }))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining(".xlsx");
    }

    private static List<SheetRow> read(String fixture) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        try (InputStream in = FileFormat.buffered(Files.newInputStream(Fixtures.path(fixture)))) {
            Sheets.read(in, FileFormat.sniff(FileFormat.buffered(in)), rows::add);
        }
        return rows;
    }

    private static FileFormat sniff(byte[] content) {
        return FileFormat.sniff(FileFormat.buffered(new ByteArrayInputStream(content)));
    }
}
