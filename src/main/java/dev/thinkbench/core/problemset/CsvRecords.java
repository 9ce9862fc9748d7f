package dev.thinkbench.core.problemset;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as RFC 4180 does: fields separated by commas, a field in double quotes may hold
 * commas, line breaks and doubled quotes. Both CRLF and LF end a record. A record that is not CSV is kept as a
 * {@link Broken} entry and the records after it are read on: text after a closing quote spoils only its own record;
 * a quote never closed spoils the record it opens in, and reading goes on at the line after the quote's (else one
 * stray quote would swallow the rest of the file); so does a quote "closed" on a later line right after a comma, which
 * is the next record's opening quote (else it would swallow that record). Stateless; any thread.
 */
final class CsvRecords {

    /** One record of the file, and the line it starts on (1-based). */
    sealed interface Entry {
        int line();
    }

    /** A record's fields. */
    record Row(int line, List<String> fields) implements Entry {
        Row {
            fields = List.copyOf(fields);
        }
    }

    /**
     * Text that is not CSV: a quote left open (the line is where the quote opens), or text after a closing quote
     * (the line is where its record starts).
     */
    record Broken(int line, LoadIssue.Reason reason) implements Entry {
    }

    private CsvRecords() {
    }

    static List<Entry> parse(Reader in) throws IOException {
        StringWriter all = new StringWriter();
        in.transferTo(all);
        String text = all.toString();
        return new Parser(text.startsWith("\uFEFF") ? text.substring(1) : text).entries();
    }

    /** Reads one record after another from {@link #pos}; one instance per text. */
    private static final class Parser {
        private final String text;
        private final List<Entry> entries = new ArrayList<>();
        private int pos;
        private int line = 1;

        Parser(String text) {
            this.text = text;
        }

        List<Entry> entries() {
            while (pos < text.length()) {
                record();
            }
            return entries;
        }

        /** Reads the record at {@link #pos} (there is at least one character left) and moves past it. */
        private void record() {
            int rowStart = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean afterQuote = false;
            int quoteAt = -1;
            int quoteLine = 0;
            boolean closedByNextRecord = false;
            LoadIssue.Reason broken = null;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        quoted = false;
                        afterQuote = true;
                        // closed on a later line right after a comma: most likely the next record's opening quote
                        closedByNextRecord = quoteLine < line && text.charAt(pos - 2) == ',';
                    } else {
                        line += c == '\n' ? 1 : 0;
                        field.append(c);
                    }
                } else if (c == '"' && afterQuote) {
                    field.append('"');
                    quoted = true;
                    afterQuote = false;
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                    quoteAt = pos - 1;
                    quoteLine = line;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (c == '\n') {
                    line++;
                    if (broken != null && closedByNextRecord) {
                        resumeAfterOpenQuote(quoteAt, quoteLine);
                        return;
                    }
                    end(rowStart, fields, field, broken);
                    return;
                } else {
                    if (afterQuote && c != '\r' && broken == null) {
                        // read on to the record's end, so the records after it start where they should
                        broken = LoadIssue.Reason.TEXT_AFTER_QUOTE;
                    }
                    afterQuote = afterQuote && c == '\r';
                    field.append(c);
                }
            }
            if (quoted || broken != null && closedByNextRecord) {
                resumeAfterOpenQuote(quoteAt, quoteLine);
                return;
            }
            end(rowStart, fields, field, broken);
        }

        /**
         * A quote left open: never closed, or closed only on a later line by the next record's opening quote, with
         * that record's text after it. The record it opens in is broken (said at the quote's line) and reading goes
         * on at the line after the quote's, so the records it ran over still load.
         */
        private void resumeAfterOpenQuote(int quoteAt, int quoteLine) {
            entries.add(new Broken(quoteLine, LoadIssue.Reason.QUOTE_NEVER_CLOSED));
            int lineEnd = text.indexOf('\n', quoteAt);
            pos = lineEnd < 0 ? text.length() : lineEnd + 1;
            line = quoteLine + 1;
        }

        private void end(int rowStart, List<String> fields, StringBuilder field, LoadIssue.Reason broken) {
            if (broken != null) {
                entries.add(new Broken(rowStart, broken));
            } else {
                fields.add(stripCr(field));
                entries.add(new Row(rowStart, fields));
            }
        }
    }

    private static String stripCr(StringBuilder field) {
        int n = field.length();
        return n > 0 && field.charAt(n - 1) == '\r' ? field.substring(0, n - 1) : field.toString();
    }
}
