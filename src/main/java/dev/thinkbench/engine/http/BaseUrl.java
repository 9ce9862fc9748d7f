package dev.thinkbench.engine.http;

import java.net.URI;
import java.util.Locale;

/** Checks a configured base URL and writes it without a trailing slash, so paths can be appended. */
public final class BaseUrl {

    private BaseUrl() {
    }

    /**
     * @param url the configured URL, or null for {@code fallback}
     * @param serverName names the server in the message
     * @throws IllegalArgumentException with a message for the user when the URL cannot work
     */
    public static String check(URI url, String fallback, String serverName) {
        URI u = url == null ? URI.create(fallback) : url;
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the " + serverName + " base URL must start with http:// or https://,"
                    + " was '" + u + "' (e.g. " + fallback + ")");
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            throw new IllegalArgumentException("the " + serverName + " base URL has no host: '" + u + "' (e.g. "
                    + fallback + ")");
        }
        if (u.getQuery() != null || u.getFragment() != null) {
            throw new IllegalArgumentException("the " + serverName + " base URL must not have a query or fragment: '"
                    + u + "'");
        }
        String s = u.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
