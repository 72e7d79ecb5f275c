package io.omnihub.ingest.categories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CategoryPathsTests {

    @Test
    void splitsPathOnGreaterThanAndTrimsSegments() {
        var parsed = CategoryPaths.parse("  Roupas >Camisetas   Básicas > Manga  curta ");

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.segments()).containsExactly("Roupas", "Camisetas Básicas", "Manga curta");
    }

    @Test
    void singleNameIsARootCategory() {
        assertThat(CategoryPaths.parse("Calçados").segments()).isEqualTo(List.of("Calçados"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Roupas > > Camisetas", "> Roupas", "Roupas >", " "})
    void rejectsEmptySegments(String cell) {
        var parsed = CategoryPaths.parse(cell);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.error()).contains("empty segment");
    }

    @Test
    void rejectsOverlongNamesAndDeepPaths() {
        assertThat(CategoryPaths.parse("x".repeat(CategoryPaths.MAX_SEGMENT_LENGTH + 1)).error()).contains("longer");
        assertThat(CategoryPaths.parse("a > b > c > d > e > f > g > h > i > j > k").error()).contains("deeper");
    }

    @Test
    void rejectsControlCharacters() {
        assertThat(CategoryPaths.parse("Roupas\u0000").valid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Categoria", "category", "CATEGORIAS", " categória "})
    void recognisesHeaderInEnglishAndPortuguese(String cell) {
        assertThat(CategoryPaths.isHeader(cell)).isTrue();
    }

    @Test
    void aCategoryIsNotAHeader() {
        assertThat(CategoryPaths.isHeader("Roupas")).isFalse();
    }
}
