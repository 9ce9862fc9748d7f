package dev.thinkbench.core.problemset;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as RFC 4180 does: fields separated by commas, a field in double quotes may hold
 * commas, line breaks and doubled quotes. Both CRLF and LF end a record. Stateless; any thread.
 */
final class CsvRecords {

    /** One record and the line it starts on (1-based). */
    record Row(int line, List<String> fields) {
        Row {
            fields = List.copyOf(fields);
        }
    }

    /** Text that is not CSV: a quote left open, or text after a closing quote. */
    static final class CsvException extends Exception {
        private final int line;
        private final LoadIssue.Reason reason;

        CsvException(int line, LoadIssue.Reason reason) {
            super(reason.english());
            this.line = line;
            this.reason = reason;
        }

        int line() {
            return line;
        }

        LoadIssue.Reason reason() {
            return reason;
        }
    }

    private CsvRecords() {
    }

    static List<Row> parse(Reader in) throws IOException, CsvException {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean any = false;
        int c = in.read();
        if (c == '\uFEFF') {
            c = in.read();
        }
        for (; c != -1; c = in.read()) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append((char) c);
                }
                continue;
            }
            if (c == '"' && afterQuote) {
                field.append('"');
                quoted = true;
                afterQuote = false;
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n') {
                fields.add(stripCr(field));
                rows.add(new Row(rowStart, fields));
                fields = new ArrayList<>();
                field.setLength(0);
                afterQuote = false;
                any = false;
                rowStart = ++line;
            } else if (afterQuote && c != '\r') {
                throw new CsvException(line, LoadIssue.Reason.TEXT_AFTER_QUOTE);
            } else {
                field.append((char) c);
            }
        }
        if (quoted) {
            throw new CsvException(rowStart, LoadIssue.Reason.QUOTE_NEVER_CLOSED);
        }
        if (any) {
            fields.add(stripCr(field));
            rows.add(new Row(rowStart, fields));
        }
        return rows;
    }

    private static String stripCr(StringBuilder field) {
        int n = field.length();
        return n > 0 && field.charAt(n - 1) == '\r' ? field.substring(0, n - 1) : field.toString();
    }
}
