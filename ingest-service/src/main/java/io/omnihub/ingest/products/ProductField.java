package io.omnihub.ingest.products;

import io.omnihub.ingest.sheet.Column;
import io.omnihub.ingest.sheet.HeaderNames;
import java.util.Arrays;
import java.util.List;

/**
 * The standard columns of a product file, each with the header names ERPs use for it (English and
 * Portuguese; compared without case, accents or separators) and its camelCase JSON name.
 */
enum ProductField implements Column {
    REFERENCE(true, "reference", "reference", "sku", "referencia", "ref", "codigo", "cod", "codigo produto"),
    EAN(true, "ean", "ean", "gtin", "ean13", "codigo de barras", "cod barras", "barcode"),
    NAME(true, "name", "name", "nome", "nome produto", "produto", "title", "titulo"),
    DESCRIPTION(false, "description", "description", "descricao", "descricao longa"),
    BRAND(false, "brand", "brand", "marca", "fabricante"),
    CATEGORY(false, "category", "category", "categoria"),
    COLOR(false, "color", "color", "colour", "cor"),
    SIZE(false, "size", "size", "tamanho", "tam"),
    PRICE(true, "price", "price", "preco", "preco de lista", "preco cheio", "list price"),
    DISCOUNTED_PRICE(true, "discountedPrice", "discounted price", "preco com desconto", "preco promocional",
            "preco de venda", "sale price", "preco por"),
    PHOTO_URLS(false, "photoUrls", "photo urls", "photos", "fotos", "imagens", "images", "url fotos"),
    ACTIVE(false, "active", "active", "ativo", "status"),
    STORE(false, "storeId", "store", "store id", "loja", "filial"),
    QUANTITY(false, "quantity", "quantity", "quantidade", "estoque", "saldo");

    private final boolean required;
    private final String jsonName;
    private final List<String> headers;

    ProductField(boolean required, String jsonName, String... headers) {
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
