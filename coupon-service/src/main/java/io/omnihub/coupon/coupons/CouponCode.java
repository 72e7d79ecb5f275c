package io.omnihub.coupon.coupons;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Coupon codes people can read aloud and type: twelve symbols in three groups ({@code K7QM-4XPD-92HT}) from an
 * alphabet of 32 without the look-alikes 0/O and 1/I, drawn by a {@link SecureRandom}: 60 random bits, so a code
 * cannot be guessed from others. Uniqueness is the database's job (the code is the document's {@code _id}).
 */
final class CouponCode {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int GROUPS = 3;
    static final int GROUP_LENGTH = 4;
    static final int SYMBOLS = GROUPS * GROUP_LENGTH;
    /** log2(32) bits per symbol. */
    static final int BITS = SYMBOLS * 5;

    private final RandomGenerator random;

    CouponCode() {
        this(new SecureRandom());
    }

    CouponCode(RandomGenerator random) {
        this.random = random;
    }

    String next() {
        StringBuilder code = new StringBuilder(SYMBOLS + GROUPS - 1);
        for (int i = 0; i < SYMBOLS; i++) {
            if (i > 0 && i % GROUP_LENGTH == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as stored, from what someone typed: any case, with or without the dashes or spaces; empty when it
     * cannot be a code.
     */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String symbols = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (symbols.length() != SYMBOLS || !symbols.chars().allMatch(symbol -> ALPHABET.indexOf(symbol) >= 0)) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(symbols);
        for (int group = GROUPS - 1; group > 0; group--) {
            code.insert(group * GROUP_LENGTH, '-');
        }
        return Optional.of(code.toString());
    }
}
