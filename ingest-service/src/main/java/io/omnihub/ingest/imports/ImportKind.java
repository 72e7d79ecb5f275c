package io.omnihub.ingest.imports;

import java.util.Arrays;
import java.util.Optional;

/** What an inbox object holds, given by the prefix the ERP wrote it under. */
public enum ImportKind {
    CATEGORIES("categories/"),
    PRODUCTS("products/"),
    STOCK_FULL("stock/full/"),
    STOCK_PARTIAL("stock/partial/"),
    PHOTOS("photos/");

    private final String prefix;

    ImportKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public static Optional<ImportKind> ofKey(String objectKey) {
        return Arrays.stream(values()).filter(kind -> objectKey.startsWith(kind.prefix)).findFirst();
    }
}
