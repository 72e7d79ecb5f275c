package io.omnihub.benchmarks;

/** The import kind ingest gives an inbox object, by its key's prefix, as {@code GET /api/v1/imports?kind=} takes it. */
final class ImportKindName {

    private ImportKindName() {
    }

    static String of(String objectKey) {
        if (objectKey.startsWith("stock/full/")) {
            return "STOCK_FULL";
        }
        if (objectKey.startsWith("stock/partial/")) {
            return "STOCK_PARTIAL";
        }
        return "PRODUCTS";
    }
}
