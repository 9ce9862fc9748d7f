package dev.thinkbench.ui.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a query occurs in streamed text ({@link TextBlocks}), ignoring case: every match as a start and end offset, in
 * order, and which one is current. As text streams in, only the new tail is searched ({@link #update}), so keeping a
 * search open on a growing trace costs what arrived, not the whole text. Pure logic; the UI thread only.
 */
final class TextSearch {

    private String query = "";
    private String lowerQuery = "";
    private Pattern pattern;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;
    private int searchedTo;
    private int current = -1;

    /** Searches {@code blocks} for {@code newQuery} from the start; the current match becomes the first one. */
    void search(String newQuery, TextBlocks blocks) {
        query = newQuery == null ? "" : newQuery;
        lowerQuery = query.toLowerCase(Locale.ROOT);
        pattern = query.isEmpty() ? null
                : Pattern.compile(Pattern.quote(query), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        count = 0;
        searchedTo = 0;
        current = -1;
        update(blocks);
        current = count > 0 ? 0 : -1;
    }

    /** Searches the text appended since the last search; matches found before stay, and so does the current one. */
    void update(TextBlocks blocks) {
        int length = blocks.length();
        if (pattern == null || length == searchedTo) {
            searchedTo = length;
            return;
        }
        // a match may have started in the old tail and been cut off by the end of the text
        int from = Math.max(0, searchedTo - query.length() + 1);
        if (count > 0) {
            from = Math.max(from, ends[count - 1]);
        }
        String tail = blocks.text(from, length);
        String lower = tail.toLowerCase(Locale.ROOT);
        if (lower.length() == tail.length() && lowerQuery.length() == query.length()) {
            // the common case: lower case keeps every offset, and indexOf is much faster than a case-blind regex
            for (int at = lower.indexOf(lowerQuery); at >= 0; at = lower.indexOf(lowerQuery, at + query.length())) {
                add(from + at, from + at + query.length());
            }
        } else {
            Matcher m = pattern.matcher(tail);
            while (m.find()) {
                add(from + m.start(), from + m.end());
            }
        }
        searchedTo = length;
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    /** Forgets the matches (the text was cleared); the query stays for the next search. */
    void reset() {
        count = 0;
        searchedTo = 0;
        current = -1;
    }

    /** Closes the search: no query, no matches. */
    void clear() {
        query = "";
        pattern = null;
        reset();
    }

    boolean active() {
        return pattern != null;
    }

    String query() {
        return query;
    }

    int count() {
        return count;
    }

    /** The current match's index, -1 when there is none. */
    int current() {
        return current;
    }

    int start(int match) {
        return starts[match];
    }

    int end(int match) {
        return ends[match];
    }

    /** Moves to the next match, after the last back to the first; returns the new current index (-1: none). */
    int next() {
        current = count == 0 ? -1 : (current + 1) % count;
        return current;
    }

    /** Moves to the previous match, before the first to the last. */
    int previous() {
        current = count == 0 ? -1 : (current - 1 + count) % count;
        return current;
    }

    /** The index of the first match that ends after {@code offset}, or {@link #count} when none does. */
    int firstEndingAfter(int offset) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
