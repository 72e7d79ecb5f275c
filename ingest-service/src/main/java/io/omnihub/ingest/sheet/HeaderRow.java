package io.omnihub.ingest.sheet;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The header row of a sheet: which column holds which field, found by header name in any order; columns
 * with another header are kept by that header (as attributes, where the format has them).
 */
public final class HeaderRow<F extends Enum<F> & Column> {

    private final Class<F> type;
    private final Object[] fields;
    private final String[] others;

    private HeaderRow(Class<F> type, Object[] fields, String[] others) {
        this.type = type;
        this.fields = fields;
        this.others = others;
    }

    /** Reads the header; a sheet without a required column, or with one field twice, is refused whole. */
    public static <F extends Enum<F> & Column> HeaderRow<F> of(Class<F> type, SheetRow header) {
        int width = header.cells().size();
        Object[] fields = new Object[width];
        String[] others = new String[width];
        Map<F, String> seen = new EnumMap<>(type);
        for (int column = 0; column < width; column++) {
            String name = header.cell(column).strip();
            if (name.isEmpty()) {
                continue;
            }
            Optional<F> field = byHeader(type, name);
            if (field.isPresent()) {
                String earlier = seen.putIfAbsent(field.get(), name);
                if (earlier != null) {
                    throw new UnreadableFileException("columns '" + earlier + "' and '" + name + "' both mean "
                            + field.get().column() + "; keep one");
                }
                fields[column] = field.get();
            } else {
                others[column] = name;
            }
        }
        List<String> missing = Arrays.stream(type.getEnumConstants())
                .filter(field -> field.required() && !seen.containsKey(field)).map(Column::column).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableFileException("missing required columns: " + String.join(", ", missing)
                    + " (the header row has: " + header.cells().stream().filter(cell -> !cell.isBlank())
                            .collect(Collectors.joining(", ")) + ")");
        }
        return new HeaderRow<>(type, fields, others);
    }

    public static <F extends Enum<F> & Column> Optional<F> byHeader(Class<F> type, String header) {
        String normalized = HeaderNames.normalize(header);
        return Arrays.stream(type.getEnumConstants()).filter(field -> field.headers().contains(normalized))
                .findFirst();
    }

    public static <F extends Enum<F> & Column> Optional<F> byJsonName(Class<F> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(field -> field.jsonName().equals(name)).findFirst();
    }

    public Map<F, String> values(SheetRow row) {
        Map<F, String> values = new EnumMap<>(type);
        for (int column = 0; column < fields.length; column++) {
            if (fields[column] != null) {
                values.put(type.cast(fields[column]), row.cell(column));
            }
        }
        return values;
    }

    /** The non-blank cells of the columns no field claimed, by their header, in column order. */
    public Map<String, String> others(SheetRow row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int column = 0; column < others.length; column++) {
            String cell = row.cell(column);
            if (others[column] != null && !cell.isBlank()) {
                values.put(others[column], cell.strip());
            }
        }
        return values;
    }
}
