package io.omnihub.ingest.stock;

import io.omnihub.ingest.sheet.Column;
import io.omnihub.ingest.sheet.HeaderNames;
import java.util.Arrays;
import java.util.List;

/** The columns of a stock file, with the header names ERPs use (English and Portuguese) and the JSON names. */
enum StockField implements Column {
    EAN(true, "ean", "ean", "gtin", "ean13", "codigo de barras", "cod barras", "barcode"),
    STORE(true, "storeId", "store", "store id", "loja", "filial", "cod loja", "codigo loja"),
    QUANTITY(true, "quantity", "quantity", "quantidade", "estoque", "saldo", "qtd", "qty"),
    AS_OF(false, "asOf", "as of", "data", "data hora", "data/hora", "updated at");

    private final boolean required;
    private final String jsonName;
    private final List<String> headers;

    StockField(boolean required, String jsonName, String... headers) {
        this.required = required;
        this.jsonName = jsonName;
        this.headers = Arrays.stream(headers).map(HeaderNames::normalize).toList();
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }

    @Override
    public List<String> headers() {
        return headers;
    }
}
