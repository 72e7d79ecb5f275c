package io.omnihub.coupon;

import java.util.concurrent.ThreadLocalRandom;

/** Valid CPFs nobody else in the suite uses, so that tests find their own customer's coupons. */
final class Cpfs {

    private Cpfs() {
    }

    static String fresh() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                digits.append(ThreadLocalRandom.current().nextInt(10));
            }
            digits.append(checkDigit(digits, 9));
            digits.append(checkDigit(digits, 10));
            if (digits.chars().distinct().count() > 1) {
                return digits.toString();
            }
        }
    }

    /** The same CPF as people write it: {@code 529.982.247-25}. */
    static String formatted(String cpf) {
        return cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9);
    }

    private static int checkDigit(CharSequence digits, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (digits.charAt(i) - '0') * (length + 1 - i);
        }
        int remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}
