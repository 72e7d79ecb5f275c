package io.omnihub.ingest.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.ingest.sheet.SheetRow;
import io.omnihub.ingest.sheet.UnreadableFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductHeaderTests {

    @Test
    void findsColumnsByPortugueseOrEnglishHeaderInAnyOrderAndKeepsTheRestAsAttributes() {
        var header = ProductHeader.of(new SheetRow(1, List.of("Preço com desconto", "NOME", "Código de barras",
                "Referência", "Material", "price", "")));

        ProductRow row = header.read(new SheetRow(2, List.of("99,90", "Camiseta", "7891000000007", "1001", "Algodão",
                "120", "ignored")));

        assertThat(row.value(ProductField.DISCOUNTED_PRICE)).isEqualTo("99,90");
        assertThat(row.value(ProductField.NAME)).isEqualTo("Camiseta");
        assertThat(row.value(ProductField.EAN)).isEqualTo("7891000000007");
        assertThat(row.value(ProductField.REFERENCE)).isEqualTo("1001");
        assertThat(row.value(ProductField.PRICE)).isEqualTo("120");
        assertThat(row.attributes()).containsExactlyEntriesOf(java.util.Map.of("Material", "Algodão"));
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedNamingThem() {
        assertThatThrownBy(() -> ProductHeader.of(new SheetRow(1, List.of("sku", "nome", "preco"))))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("missing required columns: ean, discounted_price (the header row has: sku, nome, preco)");
    }

    @Test
    void aFieldGivenTwiceIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> ProductHeader.of(new SheetRow(1, List.of("sku", "Referência", "ean", "nome",
                "preco", "preco promocional")))).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("'sku' and 'Referência' both mean reference");
    }
}
