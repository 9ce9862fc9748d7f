package dev.thinkbench.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.SecretScrubber;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the human part of a server's text for a message: Ollama's {@code {"error":"..."}}, OpenAI's
 * {@code {"error":{"message":"..."}}}, a bare {@code {"message":"..."}} or {@code {"detail":"..."}}, an HTML page's
 * title, or plain text. Every text leaves here scrubbed of secrets first and shortened second
 * ({@link SecretScrubber#quote}), so nothing of a key survives a cut.
 *
 * <p>Stateless; any thread.
 */
public final class ServerMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most of a server's text a message quotes. */
    public static final int MAX_CHARS = 300;
    private static final int EXCERPT_CHARS = 80;
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern H1 = Pattern.compile("(?is)<h1[^>]*>(.*?)</h1>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private ServerMessage() {
    }

    /** The message in an error body, scrubbed and shortened, or null when the body is blank. */
    public static String extract(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String text = body.strip();
        if (looksLikeHtml(text)) {
            String title = htmlTitle(text);
            return title == null ? "an HTML page" : "an HTML page titled \u201c" + title + "\u201d";
        }
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

    /** The message inside an error object (the value of an in-stream {@code error} field), unscrubbed, or null. */
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

    /** The start of a raw stream line, scrubbed, on one line, for a message about it. */
    public static String excerpt(String data) {
        return SecretScrubber.quote(data, EXCERPT_CHARS);
    }

    /** Scrubs {@code text}, then cuts it to a length fit for a status line. */
    public static String shorten(String text) {
        return SecretScrubber.quote(text, MAX_CHARS);
    }

    /** Whether {@code text} starts like an HTML document (a portal or proxy page, not an API answer). */
    public static boolean looksLikeHtml(String text) {
        if (text == null) {
            return false;
        }
        String head = text.stripLeading();
        head = head.substring(0, Math.min(head.length(), 64)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<body") || head.startsWith("<?xml") && text.contains("<html");
    }

    /** The page's {@code <title>} (else its first {@code <h1>}), tags removed, scrubbed and shortened; null if none. */
    public static String htmlTitle(String html) {
        for (Pattern p : new Pattern[] {TITLE, H1}) {
            Matcher m = p.matcher(html);
            if (m.find()) {
                String text = TAG.matcher(m.group(1)).replaceAll(" ").strip();
                if (!text.isEmpty()) {
                    return SecretScrubber.quote(text, 120);
                }
            }
        }
        return null;
    }
}
