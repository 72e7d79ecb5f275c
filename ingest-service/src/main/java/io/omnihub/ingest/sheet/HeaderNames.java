package io.omnihub.ingest.sheet;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Headers as ERPs write them, compared without case, accents or punctuation: "Preço com desconto" = "preco_com_desconto". */
public final class HeaderNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-.]+");

    private HeaderNames() {
    }

    public static String normalize(String header) {
        String plain = MARKS.matcher(Normalizer.normalize(header, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT).trim()).replaceAll(" ");
    }
}
