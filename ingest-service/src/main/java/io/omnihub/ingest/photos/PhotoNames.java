package io.omnihub.ingest.photos;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Photo object names as the ERP writes them: {@code <reference> <sequence>.<ext>}, e.g. {@code 3266 2.jpg}. */
final class PhotoNames {

    // the last space (or underscore) separates the reference, which may itself hold spaces or dashes
    private static final Pattern NAME = Pattern.compile("(.+)[ _](\\d{1,4})\\.(jpe?g|png|webp|gif)",
            Pattern.CASE_INSENSITIVE);

    private PhotoNames() {
    }

    static Optional<Name> parse(String objectKey) {
        String file = objectKey.substring(objectKey.lastIndexOf('/') + 1);
        Matcher matcher = NAME.matcher(file);
        if (!matcher.matches() || matcher.group(1).isBlank()) {
            return Optional.empty();
        }
        int sequence = Integer.parseInt(matcher.group(2));
        return sequence == 0 ? Optional.empty() : Optional.of(new Name(matcher.group(1).strip(), sequence));
    }

    /** Whose photo it is, and its place among that product's photos. */
    record Name(String reference, int sequence) {
    }

    /** The image type from the first bytes; the extension is only a hint. */
    static Optional<String> contentType(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Optional.of("image/png");
        }
        if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (head.length >= 4 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return Optional.of("image/gif");
        }
        return Optional.empty();
    }
}
