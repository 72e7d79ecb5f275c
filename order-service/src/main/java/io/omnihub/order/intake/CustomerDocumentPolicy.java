package io.omnihub.order.intake;

/**
 * Whether a customer's document is a Brazilian CPF (11 digits) or CNPJ (14 digits) with valid check digits
 * (mod 11), punctuation ({@code . - /} and spaces) ignored. Checked at intake so that a return coupon, which
 * coupon-service issues to that document, is never dead-lettered for it. Numbers of one repeated digit pass the
 * arithmetic but are not issued: refused.
 */
final class CustomerDocumentPolicy {

    private static final int[] CNPJ_FIRST = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int[] CNPJ_SECOND = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

    private CustomerDocumentPolicy() {
    }

    /** Why the document is refused, or null when it is a valid CPF or CNPJ. */
    static String problem(String document) {
        String digits = document.replaceAll("[.\\-/\\s]", "");
        if (!digits.matches("\\d+")) {
            return "must be a CPF (11 digits) or CNPJ (14 digits)";
        }
        if (digits.length() == 11) {
            return validCpf(digits) ? null : "is not a valid CPF (check digits)";
        }
        if (digits.length() == 14) {
            return validCnpj(digits) ? null : "is not a valid CNPJ (check digits)";
        }
        return "must be a CPF (11 digits) or CNPJ (14 digits), not " + digits.length() + " digits";
    }

    static boolean validCpf(String digits) {
        if (repeated(digits)) {
            return false;
        }
        return checkDigit(digits, 9, 10) == digits.charAt(9) - '0'
                && checkDigit(digits, 10, 11) == digits.charAt(10) - '0';
    }

    /** The CPF check digit over the first {@code length} digits, weights from {@code firstWeight} down to 2. */
    private static int checkDigit(String digits, int length, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (digits.charAt(i) - '0') * (firstWeight - i);
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    static boolean validCnpj(String digits) {
        if (repeated(digits)) {
            return false;
        }
        return weighted(digits, CNPJ_FIRST) == digits.charAt(12) - '0'
                && weighted(digits, CNPJ_SECOND) == digits.charAt(13) - '0';
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    private static boolean repeated(String digits) {
        return digits.chars().allMatch(c -> c == digits.charAt(0));
    }
}
