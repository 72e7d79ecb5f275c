package io.omnihub.gateway.docs;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JSON Schemas of event records, read from the records themselves (component names and types), so the document
 * cannot say something the code does not: one schema per record, nested records by reference.
 */
final class EventSchemas {

    static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Object> schemas = new LinkedHashMap<>();

    /** The schemas made so far, by record name. */
    Map<String, Object> all() {
        return schemas;
    }

    /** A reference to the schema of the record, made (with the records it contains) on first use. */
    Map<String, Object> refTo(Class<?> record) {
        String name = record.getSimpleName();
        if (!schemas.containsKey(name)) {
            schemas.put(name, Map.of());
            Map<String, Object> properties = new LinkedHashMap<>();
            for (RecordComponent component : record.getRecordComponents()) {
                properties.put(component.getName(), schemaOf(component.getGenericType()));
            }
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("title", name);
            schema.put("properties", properties);
            schema.put("additionalProperties", false);
            schemas.put(name, schema);
        }
        return Map.of("$ref", REF_PREFIX + name);
    }

    Map<String, Object> schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schemaOf(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schemaOf(arguments[1]));
            }
            throw new IllegalArgumentException("no JSON Schema for " + type);
        }
        Class<?> type1 = (Class<?>) type;
        if (type1 == String.class || type1 == char.class || type1 == Character.class) {
            return Map.of("type", "string");
        }
        if (type1 == Instant.class || type1 == OffsetDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (type1 == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (type1 == UUID.class) {
            return Map.of("type", "string", "format", "uuid");
        }
        if (type1 == int.class || type1 == Integer.class || type1 == short.class || type1 == Short.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (type1 == long.class || type1 == Long.class || type1 == BigInteger.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (type1 == BigDecimal.class) {
            // written as a JSON number with the decimals it has (Jackson), never a float
            return Map.of("type", "number", "description", "exact decimal");
        }
        if (type1 == double.class || type1 == Double.class || type1 == float.class || type1 == Float.class) {
            return Map.of("type", "number");
        }
        if (type1 == boolean.class || type1 == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (type1.isEnum()) {
            List<String> names = Arrays.stream(type1.getEnumConstants()).map(value -> ((Enum<?>) value).name())
                    .toList();
            return Map.of("type", "string", "enum", names);
        }
        if (type1.isRecord()) {
            return refTo(type1);
        }
        if (type1.isArray()) {
            return Map.of("type", "array", "items", schemaOf(type1.getComponentType()));
        }
        throw new IllegalArgumentException("no JSON Schema for " + type1.getName()
                + ": add it to EventSchemas when a contract starts to use it");
    }
}
