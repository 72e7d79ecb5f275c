package io.omnihub.system.faults;

/** Valid EAN-13 codes made from a number, so every case has pairs of its own. */
final class Gtins {

    private Gtins() {
    }

    /** {@code 20} (a range for in-store use) + 10 digits of {@code n} + the check digit. */
    static String ean13(long n) {
        String body = "20" + String.format("%010d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = body.charAt(i) - '0';
            sum += i % 2 == 0 ? digit : 3 * digit;
        }
        return body + (10 - sum % 10) % 10;
    }
}
