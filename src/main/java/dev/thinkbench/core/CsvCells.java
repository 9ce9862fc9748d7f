package dev.thinkbench.core;

/**
 * Cells of the CSV files the app writes for people to open in a spreadsheet (RFC 4180): a cell holding a comma, a
 * quote or a line break is quoted, quotes doubled; a text cell a spreadsheet would run as a formula (one that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading apostrophe, so a model's
 * answer or a label cannot reach the reader's spreadsheet as a formula. Stateless; any thread.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** A text cell: null is an empty cell; kept from being read as a formula, then quoted where it needs to be. */
    public static String text(String text) {
        return quoted(notAFormula(text == null ? "" : text));
    }

    /** {@code text} with a leading apostrophe when a spreadsheet would read it as a formula, else as it is. */
    public static String notAFormula(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** {@code cell} in quotes, quotes doubled, when it holds a comma, a quote or a line break; else as it is. */
    public static String quoted(String cell) {
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
