package dev.thinkbench.ui.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks a Korean particle for the word before it, as a Korean writer would: a message written as
 * {@code {0}을(를)} reads "모델을" for 모델 and "다수결을" for 다수결, "엔진을"/"버전을"... by whether the word's
 * last syllable ends in a consonant (받침). Digits are read as Korean numbers (1 일, 2 이, ...), a file's extension as
 * Koreans say it (.json 제이슨: "a.json을"). After anything else (an English word) the both-ways form stays, as it is
 * written. Pure; any thread.
 */
public final class KoreanParticles {

    /** A word's last character (past closing quotes and brackets), then a both-ways particle. */
    private static final Pattern BOTH_WAYS = Pattern.compile(
            "([\\p{IsHangul}\\p{Alnum}])([\"'\u2019\u201d)\\]]*)(을\\(를\\)|를\\(을\\)|이\\(가\\)|가\\(이\\)"
                    + "|은\\(는\\)|는\\(은\\)|과\\(와\\)|와\\(과\\)|\\(으\\)로|\\(이\\)라)");
    /** The final consonant of 0-9 read in Korean (영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구): 0 none, 8 ㄹ, other any. */
    private static final int[] DIGIT_FINAL = {21, 8, 0, 16, 0, 0, 1, 8, 8, 0};
    private static final int RIEUL = 8;

    private KoreanParticles() {
    }

    /** {@code text} with each both-ways particle settled where the word before it says which. */
    public static String settle(String text) {
        if (text == null || text.indexOf('(') < 0) {
            return text;
        }
        Matcher m = BOTH_WAYS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            int last = finalConsonant(m.group(1).charAt(0));
            if (last < 0) {
                last = extensionFinal(text.substring(0, m.end(1)));
            }
            String particle = last < 0 ? m.group(3) : pick(m.group(3), last);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + particle));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A file name's extension as Koreans read it (json 제이슨, jsonl 제이슨엘, gguf 지지유에프...): the final consonant
     * of its last syllable, -1 when the text before the particle ends in no known extension.
     */
    private static int extensionFinal(String before) {
        Matcher ext = EXTENSION.matcher(before);
        if (!ext.find()) {
            return -1;
        }
        return switch (ext.group(1).toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> NIEUN;
            case "jsonl", "html" -> RIEUL;
            case "zip" -> PIEUP;
            case "gguf", "csv", "png", "md", "txt", "pdf", "svg" -> 0;
            default -> -1;
        };
    }

    private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z]+)$");
    private static final int NIEUN = 4;
    private static final int PIEUP = 17;

    /** The index of the final consonant (0 none), -1 when it cannot be told. */
    private static int finalConsonant(char c) {
        if (c >= '\uAC00' && c <= '\uD7A3') {
            return (c - '\uAC00') % 28;
        }
        if (c >= '0' && c <= '9') {
            return DIGIT_FINAL[c - '0'];
        }
        return -1;
    }

    private static String pick(String both, int last) {
        boolean consonant = last != 0;
        return switch (both) {
            case "을(를)", "를(을)" -> consonant ? "을" : "를";
            case "이(가)", "가(이)" -> consonant ? "이" : "가";
            case "은(는)", "는(은)" -> consonant ? "은" : "는";
            case "과(와)", "와(과)" -> consonant ? "과" : "와";
            case "(으)로" -> consonant && last != RIEUL ? "으로" : "로";
            case "(이)라" -> consonant ? "이라" : "라";
            default -> both;
        };
    }
}
