package org.dicomtools.deid.verify.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * A small JSON Schema (draft-04) checker for the keywords the SARIF subset schema uses: {@code type},
 * {@code enum}, {@code required}, {@code properties}, {@code additionalProperties}, {@code items},
 * {@code minItems}, {@code uniqueItems}, {@code minimum}, {@code anyOf}, {@code $ref} to
 * {@code #/definitions/...} and {@code format} {@code uri} / {@code uri-reference}. Any other keyword
 * in the schema is an error of the schema, so the checker cannot silently ignore a constraint.
 */
final class SchemaSubsetChecker {
    private static final Set<String> KEYWORDS = Set.of("$comment", "type", "enum", "required", "properties",
            "additionalProperties", "items", "minItems", "uniqueItems", "minimum", "anyOf", "$ref", "format",
            "definitions");

    private final JsonObject root;

    SchemaSubsetChecker(JsonObject schema) {
        this.root = schema;
    }

    /** Every violation as {@code <JSON pointer>: <what>}; empty when the document is valid. */
    List<String> check(JsonElement document) {
        List<String> errors = new ArrayList<>();
        check(root, document, "", errors);
        return errors;
    }

    private void check(JsonObject schema, JsonElement value, String path, List<String> errors) {
        for (String key : schema.keySet()) {
            if (!KEYWORDS.contains(key)) {
                throw new IllegalArgumentException("schema keyword not supported: " + key + " at " + path);
            }
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").getAsString();
            String prefix = "#/definitions/";
            if (!ref.startsWith(prefix) || !root.getAsJsonObject("definitions").has(ref.substring(prefix.length()))) {
                throw new IllegalArgumentException("unresolvable $ref " + ref);
            }
            check(root.getAsJsonObject("definitions").getAsJsonObject(ref.substring(prefix.length())), value, path,
                    errors);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(path + ": expected type " + schema.get("type") + " but was " + value);
            return;
        }
        if (schema.has("enum") && !schema.getAsJsonArray("enum").contains(value)) {
            errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("format") && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            checkFormat(schema.get("format").getAsString(), value.getAsString(), path, errors);
        }
        if (schema.has("minimum") && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                && value.getAsDouble() < schema.get("minimum").getAsDouble()) {
            errors.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonElement alternative : schema.getAsJsonArray("anyOf")) {
                List<String> sub = new ArrayList<>();
                check(alternative.getAsJsonObject(), value, path, sub);
                any |= sub.isEmpty();
            }
            if (!any) {
                errors.add(path + ": matches none of anyOf " + schema.get("anyOf"));
            }
        }
        if (value.isJsonObject()) {
            checkObject(schema, value.getAsJsonObject(), path, errors);
        }
        if (value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            if (schema.has("minItems") && array.size() < schema.get("minItems").getAsInt()) {
                errors.add(path + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("uniqueItems") && schema.get("uniqueItems").getAsBoolean()
                    && new HashSet<>(array.asList()).size() != array.size()) {
                errors.add(path + ": items are not unique");
            }
            if (schema.has("items")) {
                for (int i = 0; i < array.size(); i++) {
                    check(schema.getAsJsonObject("items"), array.get(i), path + "/" + i, errors);
                }
            }
        }
    }

    private void checkObject(JsonObject schema, JsonObject object, String path, List<String> errors) {
        if (schema.has("required")) {
            for (JsonElement name : schema.getAsJsonArray("required")) {
                if (!object.has(name.getAsString())) {
                    errors.add(path + ": missing required property " + name.getAsString());
                }
            }
        }
        JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
        JsonElement additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            String child = path + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
            if (properties.has(e.getKey())) {
                check(properties.getAsJsonObject(e.getKey()), e.getValue(), child, errors);
            } else if (additional != null && additional.isJsonObject()) {
                check(additional.getAsJsonObject(), e.getValue(), child, errors);
            } else if (additional != null && !additional.getAsBoolean()) {
                errors.add(child + ": property not allowed");
            }
        }
    }

    private static boolean typeMatches(JsonElement type, JsonElement value) {
        if (type.isJsonArray()) {
            for (JsonElement t : type.getAsJsonArray()) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        String t = type.getAsString();
        if (t.equals("null")) {
            return value.isJsonNull();
        }
        if (t.equals("object")) {
            return value.isJsonObject();
        }
        if (t.equals("array")) {
            return value.isJsonArray();
        }
        if (!value.isJsonPrimitive()) {
            return false;
        }
        JsonPrimitive p = value.getAsJsonPrimitive();
        return switch (t) {
            case "string" -> p.isString();
            case "boolean" -> p.isBoolean();
            case "number" -> p.isNumber();
            case "integer" -> p.isNumber() && p.getAsBigDecimal().stripTrailingZeros().scale() <= 0;
            default -> throw new IllegalArgumentException("unknown type " + t);
        };
    }

    private static void checkFormat(String format, String text, String path, List<String> errors) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            errors.add(path + ": not a " + format + ": " + e.getMessage());
            return;
        }
        if (format.equals("uri") && !uri.isAbsolute()) {
            errors.add(path + ": not an absolute URI: " + text);
        } else if (!format.equals("uri") && !format.equals("uri-reference")) {
            throw new IllegalArgumentException("unknown format " + format);
        }
    }
}
