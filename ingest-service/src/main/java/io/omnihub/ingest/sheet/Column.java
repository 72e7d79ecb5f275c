package io.omnihub.ingest.sheet;

import java.util.List;

/** A field of a file format (an enum constant): the headers ERPs give it, its JSON name, whether required. */
public interface Column {

    boolean required();

    String jsonName();

    /** Normalized ({@link HeaderNames#normalize}); the first is the English name errors use. */
    List<String> headers();

    /** The name row errors use, e.g. {@code discounted_price}. */
    default String column() {
        return headers().get(0).replace(' ', '_');
    }
}
