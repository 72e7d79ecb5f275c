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
    void aNumberTooLargeOrTooSmallForAnyFieldStaysAsWrittenInsteadOfABillionDigits() {
        assertThat(Sheets.exactDigits("1E999999999")).isEqualTo("1E999999999");
        assertThat(Sheets.exactDigits("1E-999999999")).isEqualTo("1E-999999999");
        assertThat(Sheets.exactDigits("1.7976931348623157E308")).isEqualTo("1.7976931348623157E308");
        assertThat(Sheets.exactDigits("1E+39")).isEqualTo("1" + "0".repeat(39));
        assertThat(Sheets.exactDigits("1E+40")).isEqualTo("1E+40");
    }

    @Test
    void utf16And32JsonIsRecognisedForTheParserToDecode() {
        String json = "[{\"name\": \"S\u00e3o\"}]";

        assertThat(sniff(json.getBytes(java.nio.charset.StandardCharsets.UTF_16))).isEqualTo(FileFormat.JSON);
        assertThat(sniff(json.getBytes(java.nio.charset.StandardCharsets.UTF_16BE))).isEqualTo(FileFormat.JSON);
        assertThat(sniff(json.getBytes(java.nio.charset.StandardCharsets.UTF_16LE))).isEqualTo(FileFormat.JSON);
        assertThat(sniff(json.getBytes(java.nio.charset.Charset.forName("UTF-32")))).isEqualTo(FileFormat.JSON);
    }

    @Test
    void anUnknownFileIsRefusedAsPreciselyAsItsFirstBytesTell() {
        assertThat(FileFormat.whyUnknown(new byte[0])).isEqualTo("the file is empty");
        assertThat(FileFormat.whyUnknown("%PDF-1.4".getBytes())).isEqualTo("a PDF, not an Excel (.xlsx, .xls) or JSON file");
        assertThat(FileFormat.whyUnknown("<?xml ve".getBytes()))
                .isEqualTo("XML or HTML, not an Excel (.xlsx, .xls) or JSON file");
        assertThat(FileFormat.whyUnknown("ref;ean\n".getBytes())).isEqualTo("not an Excel (.xlsx, .xls) or JSON file");
    }

    @Test
    void aLegacyXlsLargerThanAnyRealOneIsRefusedBeforePoiHoldsItInMemory() {
        byte[] huge = new byte[Sheets.MAX_XLS_BYTES + 1];
        huge[0] = (byte) 0xD0;

        assertThatThrownBy(() -> Sheets.read(new ByteArrayInputStream(huge), FileFormat.XLS, row -> { }))
                .isInstanceOf(UnreadableFileException.class).hasMessage("a legacy .xls above 50 MB is refused: "
                        + "save it as .xlsx");
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
