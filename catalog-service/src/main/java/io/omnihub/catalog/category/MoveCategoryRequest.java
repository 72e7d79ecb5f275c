package io.omnihub.catalog.category;

import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/categories/{id}/parent}: the new parent's id, or null for a root. */
record MoveCategoryRequest(@Size(max = 1000) String parentId) {
}
