package io.omnihub.catalog.category;

/** A move would put a category under itself or under one of its own sub-categories. */
final class CategoryCycleException extends RuntimeException {

    CategoryCycleException(String id, String parentId) {
        super("Category '" + parentId + "' is '" + id + "' or one of its sub-categories: the move would make a cycle");
    }
}
