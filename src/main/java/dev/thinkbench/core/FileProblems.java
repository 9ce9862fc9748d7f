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
}
