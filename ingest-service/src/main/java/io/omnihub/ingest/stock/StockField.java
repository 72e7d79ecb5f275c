package io.omnihub.ingest.stock;

import io.omnihub.ingest.sheet.Column;

/** The columns of a stock file, with the header names ERPs use (English and Portuguese) and the JSON names. */
enum StockField implements Column {
    EAN(Names.required("ean", "ean", "gtin", "ean13", "codigo de barras", "cod barras", "barcode")),
    STORE(Names.required("storeId", "store", "store id", "loja", "filial", "cod loja", "codigo loja")),
    QUANTITY(Names.required("quantity", "quantity", "quantidade", "estoque", "saldo", "qtd", "qty")),
    AS_OF(Names.optional("asOf", "as of", "data", "data hora", "data/hora", "updated at"));

    private final Names names;

    StockField(Names names) {
        this.names = names;
    }

    @Override
    public Names names() {
        return names;
    }
}
