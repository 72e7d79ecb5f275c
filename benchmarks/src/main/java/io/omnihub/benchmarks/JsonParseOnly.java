package io.omnihub.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parse-only ceiling of a JSON stock file: Jackson's streaming parser reads every item's every value as text,
 * from an {@code InputStream}, and does nothing else. Items are the objects of the top-level {@code items} array.
 */
final class JsonParseOnly {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonParseOnly() {
    }

    static ParseOnly.Pass pass(Path file) throws IOException {
        long begin = System.nanoTime();
        long items = 0;
        long checksum = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser parser = JSON.createParser(in)) {
            int depth = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT -> {
                        depth--;
                        // an item closes at depth 2: root object, items array
                        if (depth == 2) {
                            items++;
                        }
                    }
                    case END_ARRAY -> depth--;
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> checksum += parser.getString().length();
                    default -> {
                        // names and literals: nothing to touch
                    }
                }
            }
        }
        return new ParseOnly.Pass(items, System.nanoTime() - begin, checksum);
    }

    static List<ParseOnly.Pass> passes(Path file, int passes) throws IOException {
        List<ParseOnly.Pass> all = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            all.add(pass(file));
        }
        return all;
    }
}
