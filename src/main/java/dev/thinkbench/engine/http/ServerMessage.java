package dev.thinkbench.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Reads the human part of a server's error body: Ollama's {@code {"error":"..."}}, OpenAI's
 * {@code {"error":{"message":"..."}}}, a bare {@code {"message":"..."}} or {@code {"detail":"..."}}, or plain text;
 * shortened so it fits a status line.
 */
public final class ServerMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CHARS = 300;

    private ServerMessage() {
    }

    /** The message in {@code body}, or null when the body is blank. */
    public static String extract(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String text = body.strip();
        try {
            JsonNode root = JSON.readTree(text);
            String found = root == null ? null : fromJson(root);
            if (found != null && !found.isBlank()) {
                text = found.strip();
            }
        } catch (IOException notJson) {
            // Plain text (e.g. "404 page not found"): use it as it is.
        }
        return shorten(text);
    }

    /** The message inside an error object (the value of an in-stream {@code error} field), or null. */
    public static String fromJson(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (!node.isObject()) {
            return null;
        }
        for (String field : new String[] {"error", "message", "detail"}) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull()) {
                String inner = fromJson(value);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** The start of a raw stream line, on one line, for a message about it. */
    public static String excerpt(String data) {
        return shorten(data.length() <= 80 ? data : data.substring(0, 80) + "\u2026");
    }

    /** Cuts {@code text} to a length fit for a status line. */
    public static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_CHARS ? oneLine : oneLine.substring(0, MAX_CHARS - 1) + "\u2026";
    }
}
