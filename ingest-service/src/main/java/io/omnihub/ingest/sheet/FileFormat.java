package io.omnihub.ingest.sheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** What a file is, from its first bytes rather than its name: ERPs name files as they please. */
public enum FileFormat {
    XLSX, XLS, JSON, UNKNOWN;

    private static final int SNIFF = 8;

    /** Looks at the first bytes of a stream that supports mark/reset (wrap it first otherwise). */
    public static FileFormat sniff(BufferedInputStream in) {
        try {
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            return of(head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FileFormat of(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return XLSX;
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            return XLS;
        }
        for (byte b : head) {
            if (b == '[' || b == '{') {
                return JSON;
            }
            // a UTF-8 byte order mark or white space may come first
            if (!Character.isWhitespace(b) && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                break;
            }
        }
        return UNKNOWN;
    }

    public static BufferedInputStream buffered(InputStream in) {
        return in instanceof BufferedInputStream buffered ? buffered : new BufferedInputStream(in, 64 * 1024);
    }
}
