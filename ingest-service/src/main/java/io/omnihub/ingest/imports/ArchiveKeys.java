package io.omnihub.ingest.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Where an inbox object is archived: {@code <importId>/<its key>}, made safe. An ERP (or an attacker) may name
 * an object {@code products/../../x.xlsx}, with control characters, or up to S3's 1,024 bytes: the archive
 * key never climbs out of the import's folder (on a file-system backend {@code ..} is a real parent), carries
 * no control character, and stays within S3's limit (a long key keeps its start and end around a hash).
 */
final class ArchiveKeys {

    /** S3's limit is 1,024 bytes; the import id and a slash come first. */
    static final int MAX_BYTES = 1_000;
    private static final int KEPT_END = 120;

    private ArchiveKeys() {
    }

    static String of(String importId, String objectKey) {
        List<String> segments = new ArrayList<>();
        for (String segment : objectKey.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            segments.add(segment.equals(".") || segment.equals("..") ? segment.replace('.', '_') : clean(segment));
        }
        String key = importId + "/" + (segments.isEmpty() ? "_" : String.join("/", segments));
        return bytes(key) <= MAX_BYTES ? key : shortened(key, objectKey);
    }

    /** Control characters and backslashes (a path separator to some backends) become '_'. */
    private static String clean(String segment) {
        StringBuilder clean = new StringBuilder(segment.length());
        segment.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) || c == '\\' ? '_' : c));
        return clean.toString();
    }

    private static String shortened(String key, String objectKey) {
        String end = key.substring(key.length() - KEPT_END);
        if (Character.isLowSurrogate(end.charAt(0))) {
            end = end.substring(1);
        }
        String marker = "~" + hash(objectKey) + "~";
        StringBuilder start = new StringBuilder();
        int budget = MAX_BYTES - bytes(end) - marker.length();
        int i = 0;
        while (i < key.length()) {
            int c = key.codePointAt(i);
            int size = bytes(new String(Character.toChars(c)));
            if (budget - size < 0) {
                break;
            }
            budget -= size;
            start.appendCodePoint(c);
            i += Character.charCount(c);
        }
        return start + marker + end;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
