package io.omnihub.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The golden JSON of each event as its producer writes it, so consumers test against the real thing. */
public final class Golden {

    private Golden() {
    }

    /** E.g. {@code Golden.bytes("catalog.categories/category-imported.json")}. */
    public static byte[] bytes(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
