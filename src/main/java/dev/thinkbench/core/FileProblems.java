package dev.thinkbench.core;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read or written, in words: Java's file exceptions carry only the path as their message
 * ("cannot read /tmp/nope.jsonl: /tmp/nope.jsonl" said nothing). Pure; any thread.
 */
public final class FileProblems {

    private FileProblems() {
    }

    /** {@code no such file}, {@code permission denied}, the system's reason, else the message or the kind of error. */
    public static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8 text"; // Java says only "Input length = 1"
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a file where a folder was expected";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * A JSON parser's message without its parser's own location notes ("(start marker at [Source: REDACTED
     * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])"): the line number is the
     * caller's to give.
     */
    public static String jsonReason(String parserMessage) {
        if (parserMessage == null) {
            return "";
        }
        return parserMessage.replaceAll("\\s*\\((start marker at )?\\[Source: .*?; line: \\d+, column: \\d+\\]\\)", "")
                .replaceAll("\\s*at \\[Source: .*?; line: \\d+, column: \\d+\\]", "").strip();
    }

    /**
     * A JSON parser's complaint in a few plain words ({@code unexpected 'x'} for Jackson's "Unexpected character ('x'
     * (code 120)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
     * else as {@link #jsonReason} gives it.
     */
    public static String jsonWords(String parserMessage) {
        String reason = jsonReason(parserMessage);
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\)")
                .matcher(reason);
        if (c.find()) {
            return "unexpected '" + c.group(1) + "'";
        }
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("^Unrecognized token '(.+?)'").matcher(reason);
        if (t.find()) {
            return "unexpected '" + t.group(1) + "'";
        }
        return reason;
    }
}
