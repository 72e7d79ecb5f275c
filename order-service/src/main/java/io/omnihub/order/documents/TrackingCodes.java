package io.omnihub.order.documents;

import java.util.random.RandomGenerator;

/**
 * Tracking codes of the built-in carrier: {@code OMNI} then eight serial digits and a check digit computed as in
 * UPU S10 (weights 8 6 4 2 3 5 9 7, modulo 11), so a mistyped code is caught before anyone searches for it.
 */
final class TrackingCodes {

    static final String PREFIX = "OMNI";
    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};
    private static final int SERIALS = 100_000_000;

    private TrackingCodes() {
    }

    /** The code of {@code serial} (0 to 99,999,999). */
    static String of(int serial) {
        if (serial < 0 || serial >= SERIALS) {
            throw new IllegalArgumentException("A serial has eight digits at most: " + serial);
        }
        String digits = String.format("%08d", serial);
        return PREFIX + digits + checkDigit(digits);
    }

    static String random(RandomGenerator random) {
        return of(random.nextInt(SERIALS));
    }

    static boolean isValid(String code) {
        if (code == null || code.length() != PREFIX.length() + WEIGHTS.length + 1 || !code.startsWith(PREFIX)) {
            return false;
        }
        String digits = code.substring(PREFIX.length(), code.length() - 1);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return code.charAt(code.length() - 1) == (char) ('0' + checkDigit(digits));
    }

    static int checkDigit(String eightDigits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (eightDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        // S10: 10 and 11 do not fit one digit
        return switch (check) {
            case 10 -> 0;
            case 11 -> 5;
            default -> check;
        };
    }
}
