package io.omnihub.ingest.sheet;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the items of a JSON file — a top-level array, or the {@code items} array of a top-level object —
 * one at a time: memory holds one item, whatever the file's size.
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
        try (JsonParser parser = json.createParser(in)) {
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
            throw new UnreadableFileException("invalid JSON: " + e.getOriginalMessage(), e);
        }
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
