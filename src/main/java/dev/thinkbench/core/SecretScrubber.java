package dev.thinkbench.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in any text before it is shown, logged, saved or cut: every API key this process was configured with
 * ({@link #register}), and anything shaped like a credential (a {@code Bearer} token, an {@code x-api-key},
 * {@code x-goog-api-key} or {@code api_key} value, a {@code ?key=} query parameter, {@code sk-...} (OpenAI, Anthropic,
 * DeepSeek), {@code AIza...} (Google), {@code gsk_...} (Groq) and {@code hf_...} (Hugging Face) keys, also right after
 * an escaped line break as JSON prints it). Masking comes first and cutting second ({@link #quote}), so no prefix of a key survives a cut.
 *
 * <p>One scrubber for the whole process: every path that turns server text into a user message goes through it, and
 * the run recorder passes failure messages through it once more. Threading: thread-safe; {@link #register} may be
 * called from any thread at any time.
 */
public final class SecretScrubber {

    /** What a secret becomes. */
    public static final String MASK = "***";

    /** Keys shorter than this are not registered: masking "ab" everywhere would wreck ordinary text. */
    private static final int MIN_SECRET_LENGTH = 6;

    private static final Pattern SHAPES = Pattern.compile(
            "(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{4,}"
                    + "|(?i)((?:x-api-key|x-goog-api-key|api[-_]?key|access[-_]?token|authorization)[\"']?\\s*[:=]\\s*"
                    + "[\"']?)(?!bearer\\b)[^\\s\"',;&}]{4,}"
                    + "|(?i)([?&](?:key|api[-_]?key|access[-_]?token|token)=)[^&\\s\"'#]+"
                    + "|()(?:(?<![A-Za-z0-9_-])|(?<=\\\\[nrt]))(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{12,}"
                    + "|AIza[0-9A-Za-z_-]{30,}|gsk_[A-Za-z0-9]{20,}|hf_[A-Za-z0-9]{20,})");

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private SecretScrubber() {
    }

    /** Remembers a key this process uses, so that it is masked wherever it shows up. Null and short keys are ignored. */
    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= MIN_SECRET_LENGTH) {
            String s = secret.strip();
            SECRETS.add(s);
            String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8);
            if (!encoded.equals(s)) {
                SECRETS.add(encoded);
            }
        }
    }

    /** {@code text} with every registered secret and every credential-shaped value masked; null stays null. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return cover(text, length -> MASK);
    }

    /**
     * {@code text} with every registered secret and the value of every credential shape replaced by {@code cover}
     * of its length (what comes before a value, {@code Bearer } or {@code api_key=}, stays).
     */
    private static String cover(String text, java.util.function.IntFunction<String> cover) {
        String out = text;
        for (String secret : SECRETS) {
            if (out.contains(secret)) {
                out = out.replace(secret, cover.apply(secret.length()));
            }
        }
        Matcher m = SHAPES.matcher(out);
        if (!m.find()) {
            return out;
        }
        StringBuilder b = new StringBuilder(out.length());
        int last = 0;
        do {
            String prefix = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                    : m.group(3) != null ? m.group(3) : "";
            int from = m.start() + prefix.length();
            b.append(out, last, from).append(cover.apply(m.end() - from));
            last = m.end();
        } while (m.find());
        b.append(out, last, out.length());
        return b.toString();
    }

    /** What each character of a secret becomes on screen ({@link #blot}). */
    public static final char BLOT = '\u2022';

    /**
     * {@code text} with every registered secret and credential-shaped value blotted out character for character
     * ({@value #BLOT}), for the window: the text keeps its length, so what the window knows about each character (a
     * token's confidence, its colour) stays where it was. A {@code Bearer } or {@code api_key=} before a value stays.
     * Null stays null.
     */
    public static String blot(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return cover(text, length -> String.valueOf(BLOT).repeat(length));
    }

    /** Whether some registered secret is longer than {@code start} and begins with it. */
    static boolean startsSecret(String start) {
        for (String secret : SECRETS) {
            if (secret.length() > start.length() && secret.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code text} scrubbed, then on one line, then cut to {@code maxChars} (an ellipsis marks the cut): the only way
     * server text should become part of a message.
     */
    public static String quote(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        String oneLine = scrub(text).replaceAll("\\s+", " ").strip();
        return oneLine.length() <= maxChars ? oneLine : oneLine.substring(0, Math.max(0, maxChars - 1)) + "\u2026";
    }
}
