package dev.thinkbench.engine.local.models;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The names a downloaded model file may have: a plain {@code *.gguf} name of letters, digits, '.', '_' and '-', not
 * starting with a dot, at most {@value #MAX_LENGTH} characters. A name taken from a URL is percent-decoded first,
 * so {@code %2E%2E}, {@code %2F}, {@code %5C} (backslash) and {@code %00} cannot smuggle a folder, a parent or a NUL
 * into the models folder. Stateless.
 */
public final class ModelFileNames {

    public static final int MAX_LENGTH = 200;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*\\.gguf");

    private ModelFileNames() {
    }

    /** Whether {@code name} is a plain {@code .gguf} file name. */
    public static boolean plain(String name) {
        return name != null && name.length() <= MAX_LENGTH && PLAIN.matcher(name).matches();
    }

    /**
     * The decoded last segment of the URL's path, or {@code fallback} when the path ends in '/'; either must be a
     * plain name.
     *
     * @throws IllegalArgumentException naming the URL and the rule
     */
    public static String fromUrl(URI url, String fallback) {
        String raw = url.getRawPath() == null ? "" : url.getRawPath();
        String segment = raw.substring(raw.lastIndexOf('/') + 1);
        // the URI was parsed, so its escapes are well-formed; '+' is a plus in a path, not a space
        String name = segment.isEmpty() ? fallback
                : URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!plain(name)) {
            throw new IllegalArgumentException("the file name " + quoted(name) + " taken from " + url
                    + " is not a plain .gguf name (letters, digits, '.', '_' and '-', not starting with '.')");
        }
        return name;
    }

    /** The name in quotes with control characters shown as {@code \\uXXXX}, cut to 80 characters. */
    static String quoted(String name) {
        StringBuilder out = new StringBuilder("'");
        name.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(name.length() > 80 ? "\u2026'" : "'").toString();
    }
}
