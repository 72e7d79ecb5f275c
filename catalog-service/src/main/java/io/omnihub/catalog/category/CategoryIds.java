package io.omnihub.catalog.category;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Readable, URL-safe ids from paths: {@code Roupas > Camisetas Básicas} → {@code roupas.camisetas-basicas}. */
final class CategoryIds {

    private CategoryIds() {
    }

    static String of(List<String> path) {
        return path.stream().map(CategoryIds::slug).collect(Collectors.joining("."));
    }

    private static String slug(String segment) {
        String plain = Normalizer.normalize(segment, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        // a name of symbols only still needs an id of its own
        return slug.isEmpty() ? Integer.toHexString(segment.hashCode()) : slug;
    }
}
