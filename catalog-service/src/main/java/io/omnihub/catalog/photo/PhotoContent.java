package io.omnihub.catalog.photo;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** The bytes of a photo's image as S3 streams them, and how many there are; close it once read. */
public record PhotoContent(InputStream stream, long length) implements Closeable {

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
