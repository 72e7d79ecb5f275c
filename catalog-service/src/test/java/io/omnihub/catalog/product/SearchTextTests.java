package io.omnihub.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SearchTextTests {

    @Test
    void dropsAccentsAndCaseAndExtraSpaces() {
        assertThat(SearchText.normalize("  Camiseta   BÁSICA\tAção ")).isEqualTo("camiseta basica acao");
        assertThat(SearchText.normalize("Calçado Pé-de-Moleque")).isEqualTo("calcado pe-de-moleque");
    }

    @Test
    void treatsMissingTextAsEmpty() {
        assertThat(SearchText.normalize(null)).isEmpty();
        assertThat(SearchText.words("   ")).isEmpty();
    }

    @Test
    void splitsASearchIntoNormalizedWords() {
        assertThat(SearchText.words(" Manga  LONGA ")).containsExactly("manga", "longa");
    }

    @Test
    void aSearchIsMatchedLiterallyNeverAsAPattern() {
        String literal = SearchText.literal("1.5l (c/ tampa) [x]*+?^$|{2}\\");

        assertThat(Pattern.compile(literal).matcher("garrafa 1.5l (c/ tampa) [x]*+?^$|{2}\\").find()).isTrue();
        assertThat(Pattern.compile(SearchText.literal("1.5l")).matcher("105l").find()).isFalse();
        assertThat(Pattern.compile(SearchText.literal(".*")).matcher("anything").find()).isFalse();
    }
}
