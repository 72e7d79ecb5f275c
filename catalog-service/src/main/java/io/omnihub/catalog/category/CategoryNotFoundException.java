package io.omnihub.catalog.category;

/** The category a request names does not exist. */
final class CategoryNotFoundException extends RuntimeException {

    CategoryNotFoundException(String id) {
        super("No category with id '" + id + "'");
    }
}
