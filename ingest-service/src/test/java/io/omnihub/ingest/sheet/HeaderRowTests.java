package io.omnihub.ingest.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderRowTests {

    @Test
    void findsColumnsByPortugueseOrEnglishHeaderInAnyOrderAndKeepsTheOthersByTheirHeader() {
        var header = HeaderRow.of(Field.class, new SheetRow(1, List.of("Preço com desconto", "Material",
                "Código de barras", "", "SKU")));

        SheetRow row = new SheetRow(2, List.of("99,90", "Algodão", "7891000000007", "ignored", "1001"));

        assertThat(header.values(row)).containsExactlyInAnyOrderEntriesOf(Map.of(Field.DISCOUNTED_PRICE, "99,90",
                Field.EAN, "7891000000007", Field.REFERENCE, "1001"));
        assertThat(header.others(row)).containsExactlyEntriesOf(Map.of("Material", "Algodão"));
    }

    @Test
    void aSheetWithoutTheRequiredColumnsIsRefusedNamingThem() {
        assertThatThrownBy(() -> HeaderRow.of(Field.class, new SheetRow(1, List.of("sku", "nome"))))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("missing required columns: ean (the header row has: sku, nome)");
    }

    @Test
    void aFieldGivenTwiceIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> HeaderRow.of(Field.class, new SheetRow(1, List.of("sku", "Referência", "ean"))))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("'sku' and 'Referência' both mean reference");
    }

    @Test
    void fieldsAreFoundByJsonNameToo() {
        assertThat(HeaderRow.byJsonName(Field.class, "discountedPrice")).contains(Field.DISCOUNTED_PRICE);
        assertThat(HeaderRow.byJsonName(Field.class, "material")).isEmpty();
    }

    private enum Field implements Column {
        REFERENCE(Names.required("reference", "reference", "sku", "referencia")),
        EAN(Names.required("ean", "ean", "codigo de barras")),
        DISCOUNTED_PRICE(Names.optional("discountedPrice", "discounted price", "preco com desconto"));

        private final Names names;

        Field(Names names) {
            this.names = names;
        }

        @Override
        public Names names() {
            return names;
        }
    }
}
