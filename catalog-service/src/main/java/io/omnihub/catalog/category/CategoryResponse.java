package io.omnihub.catalog.category;

/** One category with its path as the tree stands now, e.g. {@code Promoções > Camisetas}. */
record CategoryResponse(String id, String name, String parentId, String path) {
}
