package io.omnihub.ingest.inbox;

import io.omnihub.ingest.sheet.JsonItems;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a pushed JSON body token by token, without building it in memory: well-formed UTF-8 JSON within the
 * parser's limits (nesting, string and number lengths), a top-level array or an object with an {@code items}
 * array, at least one item, nothing after it. What it refuses is answered at once, 400 problem+json naming
 * where it broke (a JSON pointer); each item's fields are then checked by the import, row by row.
 */
final class PushedJson {

    private PushedJson() {
    }

    /** The number of items; throws a 400 problem when the body is not acceptable. */
    static long check(JsonMapper json, InputStream body) {
        JsonParser parser = null;
        try (JsonParser p = json.createParser(body)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                throw refused("", "the body is empty");
            }
            if (first == JsonToken.START_OBJECT && !toItems(p)) {
                throw refused("/items", "expected a JSON array of items, or {\"items\": [...]}");
            }
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw refused("", "expected a JSON array of items, or {\"items\": [...]}");
            }
            long items = 0;
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                items++;
                if (token.isStructStart()) {
                    p.skipChildren();
                }
            }
            if (first == JsonToken.START_OBJECT) {
                // the rest of the enclosing object
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    p.nextToken();
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw refused("", "more content after the JSON value: send one array or one object");
            }
            if (items == 0) {
                throw refused(first == JsonToken.START_OBJECT ? "/items" : "", "no items: nothing to import");
            }
            return items;
        } catch (JacksonException e) {
            String pointer = parser == null ? "" : parser.streamReadContext().pathAsPointer().toString();
            throw refused(pointer, JsonItems.problem(e));
        }
    }

    /** Moves to the start of the {@code items} array. */
    private static boolean toItems(JsonParser parser) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("items".equals(name) && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private static ErrorResponseException refused(String pointer, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", pointer, "reason", reason)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
