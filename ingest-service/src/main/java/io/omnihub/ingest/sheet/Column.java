package io.omnihub.ingest.sheet;

import java.util.Arrays;
import java.util.List;

/** A field of a file format (an enum constant): the headers ERPs give it, its JSON name, whether required. */
public interface Column {

    Names names();

    default boolean required() {
        return names().required();
    }

    default String jsonName() {
        return names().jsonName();
    }

    /** Normalized ({@link HeaderNames#normalize}); the first is the English name errors use. */
    default List<String> headers() {
        return names().headers();
    }

    /** The name row errors use, e.g. {@code discounted_price}. */
    default String column() {
        return headers().get(0).replace(' ', '_');
    }

    /** How a field is named in sheets and in JSON. */
    record Names(boolean required, String jsonName, List<String> headers) {

        public static Names required(String jsonName, String... headers) {
            return new Names(true, jsonName, normalized(headers));
        }

        public static Names optional(String jsonName, String... headers) {
            return new Names(false, jsonName, normalized(headers));
        }

        private static List<String> normalized(String... headers) {
            return Arrays.stream(headers).map(HeaderNames::normalize).toList();
        }
    }
}
