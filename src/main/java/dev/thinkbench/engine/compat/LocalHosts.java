package dev.thinkbench.engine.compat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;

/**
 * Whether a host is the user's own machine or network, where a server costs nothing per token: loopback, private
 * and link-local addresses (IPv4 10/8, 172.16/12, 192.168/16, 169.254/16, the 100.64/10 shared range used by
 * Tailscale and similar, IPv6 ::1, fc00::/7, fe80::/10), {@code localhost}, and local names ({@code .local},
 * {@code .lan}, {@code .internal}, {@code .home.arpa}, or a bare single-label host name). Decided from the text
 * alone: no DNS lookup.
 */
final class LocalHosts {

    private static final List<String> LOCAL_SUFFIXES = List.of(".localhost", ".local", ".lan", ".internal",
            ".home.arpa");

    private LocalHosts() {
    }

    static boolean isLocal(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        InetAddress literal = literal(h);
        if (literal != null) {
            return isLocal(literal);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || !h.contains(".")) {
            return true;
        }
        String name = h;
        return LOCAL_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static boolean isLocal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    private static InetAddress literal(String h) {
        if (!h.contains(":") && !h.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(h);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
