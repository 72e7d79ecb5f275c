package io.omnihub.catalog.category;

/** A move names a new parent that does not exist. */
final class UnknownParentException extends RuntimeException {

    UnknownParentException(String parentId) {
        super("No category with id '" + parentId + "' to be the parent");
    }
}
