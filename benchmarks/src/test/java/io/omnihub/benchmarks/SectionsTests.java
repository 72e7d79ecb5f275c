package io.omnihub.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionsTests {

    @Test
    void replacesOnlyTheNamedSectionAndKeepsTheProseAround() {
        String existing = "# Benchmarks\nintro\n" + Sections.begin("stock") + "\nold stock\n" + Sections.end("stock")
                + "\n## Analysis\nkept\n" + Sections.begin("gateway") + "\nold gateway\n" + Sections.end("gateway") + "\n";

        String updated = Sections.replace(existing, "stock", "new stock\n");

        assertThat(updated).contains("intro", "new stock", "## Analysis\nkept", "old gateway").doesNotContain("old stock");
    }

    @Test
    void putsTheReportsHeadingsUnderTheSectionThatHoldsIt() {
        String updated = Sections.replace("# Benchmarks\n", "routing", "## Routing decision\ntext\n### Details");

        assertThat(updated).contains("\n#### Routing decision\ntext\n##### Details\n");
    }

    @Test
    void appendsASectionThatHasNoMarkersYet() {
        String updated = Sections.replace("# Benchmarks\n", "orders", "figures");

        assertThat(updated).isEqualTo("# Benchmarks\n\n" + Sections.begin("orders") + "\nfigures\n"
                + Sections.end("orders") + "\n");
    }
}
