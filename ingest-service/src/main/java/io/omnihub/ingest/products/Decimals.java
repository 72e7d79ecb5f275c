package io.omnihub.ingest.products;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Money as ERPs write it: {@code 129.90}, {@code 129,90}, {@code 1.299,90}, {@code 1,299.90}, {@code R$ 129,90}.
 * The last separator is the decimal one when it is followed by one or two digits.
 */
final class Decimals {

    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?");

    private Decimals() {
    }

    static Optional<BigDecimal> parse(String text) {
        String value = text.replace("R$", "").replace(" ", "").replace("\u00A0", "").trim();
        int comma = value.lastIndexOf(',');
        int dot = value.lastIndexOf('.');
        int last = Math.max(comma, dot);
        if (last >= 0) {
            String integer = value.substring(0, last).replace(".", "").replace(",", "");
            String fraction = value.substring(last + 1);
            boolean decimal = fraction.length() <= 2 || (comma < 0 || dot < 0) && countOf(value, value.charAt(last)) == 1;
            value = decimal ? integer + "." + fraction : integer + fraction;
        }
        if (!PLAIN.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }

    private static long countOf(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
