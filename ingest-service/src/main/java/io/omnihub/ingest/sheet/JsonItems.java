package io.omnihub.ingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the items of a JSON file — a top-level array, or the {@code items} array of a top-level object —
 * one at a time: memory holds one item, whatever the file's size. The file is checked whole first (on disk,
 * token by token), so that one broken at its end is rejected before any item is published.
 */
public final class JsonItems {

    private JsonItems() {
    }

    /** Calls {@code items} with each item and its 1-based position. */
    public static void read(JsonMapper json, InputStream in, ObjIntConsumer<JsonNode> items) {
        read(json, in, new HashMap<>(), items);
    }

    /**
     * As {@link #read(JsonMapper, InputStream, ObjIntConsumer)}, and fills {@code header} with the top-level
     * properties that come before {@code items} (e.g. a file-wide {@code asOf}).
     */
    public static void read(JsonMapper json, InputStream in, Map<String, JsonNode> header,
            ObjIntConsumer<JsonNode> items) {
        // floats as exact decimals: 129.90 stays 129.90 and 1e400 is reported as 1E+400, not as Infinity
        ObjectReader reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        Path file = null;
        try {
            // read twice: a file broken at its end is refused whole, before any of its items is published
            file = Files.createTempFile("omnihub-import-", ".json");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            try (InputStream whole = Files.newInputStream(file)) {
                checkWellFormed(reader, whole);
            }
            try (InputStream whole = Files.newInputStream(file)) {
                readItems(reader, whole, header, items);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** Every token once, nothing kept: well-formed, within the parser's limits, one value and nothing after it. */
    private static void checkWellFormed(ObjectReader reader, InputStream in) {
        try (JsonParser parser = reader.createParser(in)) {
            if (parser.nextToken() == null) {
                throw new UnreadableFileException("the file is empty");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new UnreadableFileException("more content after the JSON value (line "
                        + parser.currentLocation().getLineNr() + "): a file holds one array or one object");
            }
        } catch (JacksonException e) {
            throw new UnreadableFileException(problem(e), e);
        }
    }

    private static void readItems(ObjectReader reader, InputStream in, Map<String, JsonNode> header,
            ObjIntConsumer<JsonNode> items) {
        try (JsonParser parser = reader.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT && !toItems(parser, header)) {
                throw new UnreadableFileException("JSON object without an \"items\" array");
            } else if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw new UnreadableFileException("JSON must be an array of items or {\"items\": [...]}");
            }
            int position = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode item = parser.readValueAsTree();
                items.accept(item, ++position);
            }
        } catch (JacksonException e) {
            throw new UnreadableFileException(problem(e), e);
        }
    }

    /** What broke and where (line and column), with a hint when the bytes are not UTF-8 at all. */
    public static String problem(JacksonException e) {
        String message = e.getOriginalMessage();
        var location = e.getLocation();
        String where = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        if (message != null && message.contains("Invalid UTF-8")) {
            return "the JSON is not UTF-8 text (save it as UTF-8)" + where + ": " + message;
        }
        if (e instanceof StreamConstraintsException) {
            return "JSON refused" + where + ": " + message;
        }
        return "invalid JSON" + where + ": " + message;
    }

    /** Moves to the start of the {@code items} array, skipping every other property. */
    private static boolean toItems(JsonParser parser, Map<String, JsonNode> header) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("items".equals(name) && value == JsonToken.START_ARRAY) {
                return true;
            }
            if (value.isScalarValue()) {
                header.put(name, parser.readValueAsTree());
            } else {
                parser.skipChildren();
            }
        }
        return false;
    }
}
