package dev.thinkbench.lab.session;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * Reads fields of a JSON object with messages fit for people ("field 'label' is missing"). Absent and null read the
 * same. Stateless; any thread.
 */
final class Fields {

    private Fields() {
    }

    static boolean present(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v != null && !v.isNull();
    }

    static String requiredText(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be text");
        }
        return v.asText();
    }

    /** The text, or null when absent. */
    static String text(JsonNode o, String name) {
        return present(o, name) ? requiredText(o, name) : null;
    }

    static long requiredLong(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + name + "' must be a whole number");
        }
        return v.asLong();
    }

    /** The whole number, or null when absent. */
    static Integer integer(JsonNode o, String name) {
        if (!present(o, name)) {
            return null;
        }
        JsonNode v = o.get(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + name + "' must be a whole number");
        }
        return v.asInt();
    }

    static int intOr(JsonNode o, String name, int fallback) {
        Integer v = integer(o, name);
        return v == null ? fallback : v;
    }

    /** The number, or null when absent. */
    static Double decimal(JsonNode o, String name) {
        if (!present(o, name)) {
            return null;
        }
        JsonNode v = o.get(name);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("field '" + name + "' must be a number");
        }
        return v.asDouble();
    }

    static Long longOrNull(JsonNode o, String name) {
        return present(o, name) ? requiredLong(o, name) : null;
    }

    static boolean bool(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("field '" + name + "' must be true or false");
        }
        return v.asBoolean();
    }

    /** A lower-case enum name, required. */
    static <E extends Enum<E>> E enumValue(JsonNode o, String name, Class<E> type) {
        String v = requiredText(o, name);
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + name + "' has an unknown value '" + v + "'");
        }
    }

    /** A lower-case enum name, or null when absent. */
    static <E extends Enum<E>> E enumOrNull(JsonNode o, String name, Class<E> type) {
        return present(o, name) ? enumValue(o, name, type) : null;
    }
}
