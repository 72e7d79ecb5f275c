package io.omnihub.ingest.products;

/** GTIN-8/12/13/14 (EAN/UPC) codes: digits only, the right length, and a valid check digit. */
public final class Gtin {

    private Gtin() {
    }

    /** Null when valid, else why not. */
    public static String problem(String code) {
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "EAN must contain digits only";
        }
        int length = code.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            return "EAN must have 8, 12, 13 or 14 digits, not " + length;
        }
        int expected = checkDigit(code.substring(0, length - 1));
        if (expected != code.charAt(length - 1) - '0') {
            return "invalid EAN check digit (expected " + expected + ")";
        }
        return null;
    }

    /** GS1 mod-10: weights 3 and 1 alternate from the rightmost data digit. */
    static int checkDigit(String data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            int digit = data.charAt(data.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
