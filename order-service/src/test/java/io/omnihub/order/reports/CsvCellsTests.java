package io.omnihub.order.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTests {

    @Test
    void prefixesTextThatASpreadsheetWouldRunAsAFormula() {
        assertThat(CsvCells.text("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(CsvCells.text("+5511999999999")).isEqualTo("'+5511999999999");
        assertThat(CsvCells.text("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.text("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(CsvCells.text("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CsvCells.text("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(CsvCells.text("Ana Souza")).isEqualTo("Ana Souza");
        assertThat(CsvCells.text("ord-42")).isEqualTo("ord-42");
        assertThat(CsvCells.text("a=b")).isEqualTo("a=b");
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() {
        assertThat(CsvCells.text("Av. Paulista, 1000")).isEqualTo("\"Av. Paulista, 1000\"");
        assertThat(CsvCells.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.text("a;b")).isEqualTo("\"a;b\"");
    }

    @Test
    void writesNothingForMissingText() {
        assertThat(CsvCells.text(null)).isEmpty();
        assertThat(CsvCells.text("")).isEmpty();
    }
}
