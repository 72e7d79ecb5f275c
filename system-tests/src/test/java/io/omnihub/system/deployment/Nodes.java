package io.omnihub.system.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reading YAML documents as plain maps and lists, and walking them without a cast at every step. */
final class Nodes {

    private Nodes() {
    }

    /** Every document of a (multi-document) YAML file; anchors and merge keys resolved. */
    static List<Map<String, Object>> loadAll(Path file) {
        // SafeConstructor: plain maps, lists and scalars only, whatever tags the file holds
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : yaml.loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            throw new IllegalStateException("cannot parse " + file + ": " + ex.getMessage(), ex);
        }
        return documents;
    }

    static Map<String, Object> load(Path file) {
        List<Map<String, Object>> documents = loadAll(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " holds " + documents.size() + " YAML documents, expected one");
        }
        return documents.get(0);
    }

    /** The node at a path of map keys, or null where any step is missing. */
    static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }

    static List<Object> list(Object node) {
        return node instanceof List<?> list ? List.copyOf(list.stream().filter(Objects::nonNull).toList()) : List.of();
    }

    static List<Map<String, Object>> maps(Object node) {
        return list(node).stream().map(Nodes::map).toList();
    }

    /** A scalar as text (YAML turns 8080 into a number and on into a boolean); null stays null. */
    static String text(Object node) {
        return node == null || node instanceof Map || node instanceof List ? null : String.valueOf(node);
    }

    /** Every scalar under a node, depth first: what a script or a command line says, wherever it sits. */
    static List<String> texts(Object node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return texts;
    }

    private static void collect(Object node, List<String> texts) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collect(value, texts));
        }
        else if (node instanceof List<?> list) {
            list.forEach(value -> collect(value, texts));
        }
        else if (node != null) {
            texts.add(String.valueOf(node));
        }
    }
}
