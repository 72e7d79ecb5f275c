package io.omnihub.coupon.coupons;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Brazilian individual tax id (CPF) a coupon belongs to: eleven digits whose last two are check digits
 * (modulo 11). Typed bare ({@code 52998224725}) or formatted ({@code 529.982.247-25}); stored bare.
 */
final class Cpf {

    private static final Pattern TYPED = Pattern.compile("\\d{11}|\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}");

    private Cpf() {
    }

    /** The eleven digits of {@code typed} when it is a valid CPF. */
    static Optional<String> normalize(String typed) {
        if (typed == null || !TYPED.matcher(typed.strip()).matches()) {
            return Optional.empty();
        }
        String digits = typed.strip().replaceAll("\\D", "");
        // eleven equal digits pass the check-digit arithmetic but are not issued
        if (digits.chars().distinct().count() == 1) {
            return Optional.empty();
        }
        if (checkDigit(digits, 9) != digits.charAt(9) - '0' || checkDigit(digits, 10) != digits.charAt(10) - '0') {
            return Optional.empty();
        }
        return Optional.of(digits);
    }

    /** The check digit over the first {@code length} digits, weighted length+1 down to 2. */
    private static int checkDigit(String digits, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (digits.charAt(i) - '0') * (length + 1 - i);
        }
        int remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}
