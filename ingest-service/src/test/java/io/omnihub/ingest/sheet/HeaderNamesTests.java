package io.omnihub.ingest.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderNamesTests {

    @Test
    void comparesWithoutCaseAccentsOrSeparators() {
        assertThat(HeaderNames.normalize("Preço com desconto")).isEqualTo("preco com desconto");
        assertThat(HeaderNames.normalize("PRECO_COM_DESCONTO")).isEqualTo("preco com desconto");
        assertThat(HeaderNames.normalize("  Código  de-barras ")).isEqualTo("codigo de barras");
    }
}
