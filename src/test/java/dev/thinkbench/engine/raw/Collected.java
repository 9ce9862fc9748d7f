package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.CompletionListener;

import java.util.ArrayList;
import java.util.List;

/** A listener that keeps every piece it is given (test helper). */
final class Collected implements CompletionListener {

    final List<String> pieces = new ArrayList<>();
    int tokens;

    @Override
    public void onText(String text, int n) {
        pieces.add(text);
        tokens += n;
    }

    String text() {
        return String.join("", pieces);
    }
}
