package io.omnihub.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FixturesTests {

    @Test
    void findsTheRepositoryFixturesFromTheModuleDirectory() {
        assertThat(Fixtures.path("categories.xlsx")).isRegularFile().hasFileName("categories.xlsx");
        assertThat(Fixtures.path("photos/1001 1.png")).isRegularFile();
        assertThat(Fixtures.bytes("products.json")).isNotEmpty();
    }

    @Test
    void namesTheDirectoryWhenAFixtureIsMissing() {
        assertThatThrownBy(() -> Fixtures.path("no-such-file.xlsx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-file.xlsx")
                .hasMessageContaining("fixtures");
    }
}
