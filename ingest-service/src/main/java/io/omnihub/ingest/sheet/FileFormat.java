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
            // a byte order mark, white space, or the zero bytes of UTF-16/32 (the JSON parser detects those) may come first
            if (!Character.isWhitespace(b) && b != 0 && !BYTE_ORDER_MARKS.contains(b & 0xFF)) {
                break;
            }
        }
        return UNKNOWN;
    }

    private static final java.util.Set<Integer> BYTE_ORDER_MARKS = java.util.Set.of(0xEF, 0xBB, 0xBF, 0xFE, 0xFF);

    /** Why a file of no known format is refused, as precisely as its first bytes tell. */
    public static UnreadableFileException unknown(BufferedInputStream in) {
        try {
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            return new UnreadableFileException(whyUnknown(head));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String whyUnknown(byte[] head) {
        if (head.length == 0) {
            return "the file is empty";
        }
        String start = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (start.startsWith("%PDF")) {
            return "a PDF, not an Excel (.xlsx, .xls) or JSON file";
        }
        if (start.startsWith("<?xml") || start.startsWith("<")) {
            return "XML or HTML, not an Excel (.xlsx, .xls) or JSON file";
        }
        return "not an Excel (.xlsx, .xls) or JSON file";
    }

    public static BufferedInputStream buffered(InputStream in) {
        return in instanceof BufferedInputStream buffered ? buffered : new BufferedInputStream(in, 64 * 1024);
    }
}
