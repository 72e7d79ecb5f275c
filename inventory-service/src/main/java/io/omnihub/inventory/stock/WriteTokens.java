package io.omnihub.inventory.stock;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write tokens of stock documents (the condition of the next write, with the {@code _id}): each write gives its
 * document a new one. A token grows with the time it was made (it did so for the unique {@code token} index of
 * earlier versions, whose new entries then went to its end; there is no such index any more). It ends with the
 * digest of the state it was written with, so a document read torn between two writes (the token of one, the fields
 * of the other) is caught, never written over.
 *
 * <p>Unique in practice (time, a counter, and a random tag of this process); two equal tokens of one document would
 * only make the second write look lost to a concurrent writer, and be made again with a new one.
 */
final class WriteTokens {

    private static final int CLOCK_DIGITS = 11;
    private static final int PER_MILLISECOND = 4096;
    private static final AtomicLong LAST = new AtomicLong();
    private static final String PROCESS = Long.toString(36L * 36 * 36 + new SecureRandom().nextInt(36 * 36 * 36 * 35),
            36);
    private static final Base64.Encoder DIGEST = Base64.getUrlEncoder().withoutPadding();
    /** A digest's 12 bytes in base64url. */
    private static final int DIGEST_CHARACTERS = 16;

    private WriteTokens() {
    }

    /** A new token for a state with this digest, greater than every token made before by this process. */
    static String next(String digest) {
        long now = System.currentTimeMillis() * PER_MILLISECOND;
        long tick = LAST.updateAndGet(last -> Math.max(now, last + 1));
        String clock = Long.toString(tick, 36);
        StringBuilder token = new StringBuilder(40);
        token.append("0".repeat(Math.max(0, CLOCK_DIGITS - clock.length()))).append(clock).append(PROCESS);
        if (digest != null) {
            token.append('.').append(DIGEST.encodeToString(HexFormat.of().parseHex(digest)));
        }
        return token.toString();
    }

    /**
     * The digest (hex) a token of this version was made with, or null for a token without one (or of an earlier
     * format: those documents carry their digest as a field).
     */
    static String digestOf(String token) {
        int dot = token.lastIndexOf('.');
        if (dot < 0 || token.length() - dot - 1 != DIGEST_CHARACTERS) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(token.substring(dot + 1)));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /**
     * Whether the stored token was written with a state of this digest (tokens of earlier versions end with it too,
     * in hex); documents stored without a token or a digest are taken as they are.
     */
    static boolean carries(String token, String digest) {
        if (token == null || digest == null) {
            return true;
        }
        return token.endsWith(digest) || token.endsWith("." + DIGEST.encodeToString(HexFormat.of().parseHex(digest)));
    }
}
