package io.omnihub.ingest.products;

import io.omnihub.ingest.sheet.Column;

/**
 * The standard columns of a product file, each with the header names ERPs use for it (English and
 * Portuguese; compared without case, accents or separators) and its camelCase JSON name.
 */
enum ProductField implements Column {
    REFERENCE(Names.required("reference", "reference", "sku", "referencia", "ref", "codigo", "cod", "codigo produto")),
    EAN(Names.required("ean", "ean", "gtin", "ean13", "codigo de barras", "cod barras", "barcode")),
    NAME(Names.required("name", "name", "nome", "nome produto", "produto", "title", "titulo")),
    DESCRIPTION(Names.optional("description", "description", "descricao", "descricao longa")),
    BRAND(Names.optional("brand", "brand", "marca", "fabricante")),
    CATEGORY(Names.optional("category", "category", "categoria")),
    COLOR(Names.optional("color", "color", "colour", "cor")),
    SIZE(Names.optional("size", "size", "tamanho", "tam")),
    PRICE(Names.required("price", "price", "preco", "preco de lista", "preco cheio", "list price")),
    DISCOUNTED_PRICE(Names.required("discountedPrice", "discounted price", "preco com desconto", "preco promocional",
            "preco de venda", "sale price", "preco por")),
    PHOTO_URLS(Names.optional("photoUrls", "photo urls", "photos", "fotos", "imagens", "images", "url fotos")),
    ACTIVE(Names.optional("active", "active", "ativo", "status")),
    STORE(Names.optional("storeId", "store", "store id", "loja", "filial")),
    QUANTITY(Names.optional("quantity", "quantity", "quantidade", "estoque", "saldo"));

    private final Names names;

    ProductField(Names names) {
        this.names = names;
    }

    @Override
    public Names names() {
        return names;
    }
}
