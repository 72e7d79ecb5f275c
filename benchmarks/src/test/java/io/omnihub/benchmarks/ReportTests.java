package io.omnihub.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTests {

    @Test
    void givesRatiosAgainstTheCeilingWithTwoDecimals() {
        assertThat(Report.ratio(45_000, 90_000)).isEqualTo("0.50");
        assertThat(Report.ratio(1, 3)).isEqualTo("0.33");
        assertThat(Report.ratio(Double.NaN, 90_000)).isEqualTo("—");
        assertThat(Report.rate(123_456.7)).isEqualTo("123,457");
    }

    @Test
    void judgesAGoalOnlyWhenBothFiguresWereMeasured() {
        assertThat(Report.verdict(45_000, 90_000, 0.50)).isEqualTo("**met**");
        assertThat(Report.verdict(44_999, 90_000, 0.50)).isEqualTo("**missed**");
        assertThat(Report.verdict(Double.NaN, 90_000, 0.50)).isEqualTo("not measured");
    }

    @Test
    void replacesOnlyTheFiguresAndKeepsWhatPeopleWroteAroundThem() {
        String existing = "# Benchmarks\n\nintro\n\n" + Report.BEGIN + "\nold figures\n" + Report.END
                + "\n\n## Analysis\nkept\n";

        String merged = Report.merge(existing, "new figures");

        assertThat(merged).contains("intro", "new figures", "## Analysis\nkept").doesNotContain("old figures");
        assertThat(Report.merge(null, "first")).startsWith("# Benchmarks").contains(Report.BEGIN + "\nfirst\n" + Report.END);
    }

    @Test
    void reportsAMissedGoalAndTheRatioOfEachFigureToItsCeiling() {
        Results results = thousandRowsInATenthOfASecond();
        results.machine = "test machine";
        results.javaVersion = "17";
        results.commit = "abc123";
        results.storedMillis = 1_000;

        String section = Report.section(results);

        assertThat(section)
                .contains("| omnihub file → Kafka (file in bucket → import COMPLETED, every event acked) | 10,000 | A 100,100 | 0.10 | ≥ 0.50 | **missed** |")
                .contains("| omnihub file → stored catalog (file in bucket → catalog's lag 0) | 1,000 | A 100,100 | 0.01 | ≥ 0.25 | **missed** |");
    }

    @Test
    void boundsTheCatalogRateWhenTheCatalogHadNotFinishedAndStillJudgesTheGoal() {
        Results results = new Results();
        results.parsePasses = List.of(new ParseOnly.Pass(100_000, 1_000_000_000L, 0));
        results.rowsAccepted = 200_000;
        results.catalogGaveUpMillis = 1_000_000;
        results.storedWhenGivenUp = 50_000;

        String row = Report.catalogRow(results, results.toCatalogRate(), results.parseCeiling());

        assertThat(row).contains("< 200 (unfinished: 50,000 of 200,000 stored after 1000.0 s)", "< 0.00",
                "**missed** (even the bound is below the goal)");
    }

    @Test
    void givesTheWarmUpImportsRateBesideTheMeasuredOneAndSaysTheMeasuredFileCameSecond() {
        Results results = thousandRowsInATenthOfASecond();
        results.warmUpRows = 500;
        results.warmUpCompletedMillis = 250;
        results.warmUpStoredMillis = 4_000;

        String section = Report.section(results);

        assertThat(section)
                .contains("| omnihub file → Kafka, the first import of the fresh service (the 500-row warm-up file) | 2,000 | A 100,100 | 0.02 |")
                .contains("after a warm-up import of 500 other products (stored by the catalog before the upload: 4.0 s)");
    }

    @Test
    void saysWhenTheMeasuredFileWasTheFirstImport() {
        Results results = new Results();
        results.startedAt = ZonedDateTime.parse("2026-05-01T10:00:00Z");
        results.parsePasses = List.of(new ParseOnly.Pass(1_001, 10_000_000, 0));

        assertThat(Report.section(results)).contains("the first import of freshly started services (`--warm-up-rows 0`)")
                .doesNotContain("warm-up file");
    }

    /** 1,000 rows to Kafka in 100 ms, against a parse-only ceiling of 100,100 rows/s. */
    private static Results thousandRowsInATenthOfASecond() {
        Results results = new Results();
        results.startedAt = ZonedDateTime.parse("2026-05-01T10:00:00Z");
        results.rows = 1_000;
        results.parsePasses = List.of(new ParseOnly.Pass(1_001, 10_000_000, 0));
        results.rowsAccepted = 1_000;
        results.completedMillis = 100;
        return results;
    }
}
