package io.omnihub.ingest.categories;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of a category path, in category files and product rows alike: {@code A > B > C}, segments trimmed and non-blank. */
public final class CategoryPaths {

    static final int MAX_SEGMENT_LENGTH = 120;
    static final int MAX_DEPTH = 10;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> HEADERS = Set.of("category", "categoria", "categories", "categorias");

    private CategoryPaths() {
    }

    /** A first row that names the column rather than a category. */
    static boolean isHeader(String cell) {
        return HEADERS.contains(io.omnihub.ingest.sheet.HeaderNames.normalize(cell));
    }

    /** The segments of a path, or the reason the cell is not one. */
    public static Parsed parse(String cell) {
        List<String> segments = new ArrayList<>();
        for (String segment : cell.split(">", -1)) {
            String name = SPACES.matcher(segment.strip()).replaceAll(" ");
            if (name.isEmpty()) {
                return Parsed.invalid("empty segment in category path (write it as 'A > B > C')");
            }
            if (name.length() > MAX_SEGMENT_LENGTH) {
                return Parsed.invalid("category name longer than " + MAX_SEGMENT_LENGTH + " characters");
            }
            if (hasControlCharacters(name)) {
                return Parsed.invalid("category name contains control characters");
            }
            segments.add(name);
        }
        if (segments.size() > MAX_DEPTH) {
            return Parsed.invalid("category path deeper than " + MAX_DEPTH + " levels");
        }
        return new Parsed(segments, null);
    }

    private static boolean hasControlCharacters(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The segments of a valid path, or why the cell is not one. */
    public record Parsed(List<String> segments, String error) {

        static Parsed invalid(String error) {
            return new Parsed(List.of(), error);
        }

        public boolean valid() {
            return error == null;
        }
    }
}
