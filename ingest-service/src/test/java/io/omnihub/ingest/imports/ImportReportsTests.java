package io.omnihub.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportReportsTests {

    @Test
    void csvQuotesFieldsAndDefusesFormulas() {
        String csv = ImportReports.csv(List.of(new RowError(3, "category", "A > \"B\", C", "bad"),
                new RowError(4, "category", "=HYPERLINK(\"x\")", "empty segment")));

        assertThat(csv.lines()).containsExactly("row,column,value,reason",
                "3,\"category\",\"A > \"\"B\"\", C\",\"bad\"",
                "4,\"category\",\"'=HYPERLINK(\"\"x\"\")\",\"empty segment\"");
    }
}
