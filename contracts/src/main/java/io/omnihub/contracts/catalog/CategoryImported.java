package io.omnihub.contracts.catalog;

import io.omnihub.contracts.EventType;
import java.util.List;

/**
 * A category path read from the ERP, e.g. {@code ["Roupas", "Camisetas"]} for "Roupas > Camisetas".
 * Keyed by {@link #path()} on {@code catalog.categories}.
 *
 * @param segments the path from the root, each segment trimmed and non-blank
 * @param importId the import job that read it
 * @param row      the 1-based row (or array index + 1) in the source
 */
@EventType("io.omnihub.catalog.category-imported")
public record CategoryImported(List<String> segments, String importId, long row) {

    public static final String PATH_SEPARATOR = " > ";

    public CategoryImported {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a category path has at least one segment");
        }
    }

    public String path() {
        return String.join(PATH_SEPARATOR, segments);
    }
}
