package dev.thinkbench.ui;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-side scripts with believable text, for screenshots and the benchmark: longer thinking at larger budgets. */
public final class DemoScripts {

    static final String THOUGHT = """
            The first train leaves at 9:00 at 80 km/h, the second at 9:30 at 100 km/h, 400 km apart.
            By 9:30 the first train has covered 0.5 h x 80 km/h = 40 km, so 360 km remain between them.
            From 9:30 they close the gap at 80 + 100 = 180 km/h, so they need 360 / 180 = 2 hours.
            They meet at 11:30. Distance from City A: 40 + 2 x 80 = 200 km.
            Let me double-check with the second train: it travels 2 h x 100 km/h = 200 km from City B.
            200 + 200 = 400 km, which matches the distance between the cities.
            Wait, is the head start handled right? The first train ran alone for half an hour: yes, 40 km.
            """;

    private DemoScripts() {
    }

    /** Splits text into word-sized tokens that keep their spaces and newlines, so joining them gives the text. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\S+\\s*|\\s+").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Thinking whose length grows with the budget; the answer states the result. */
    public static ScriptedTestEngine.Script forBudget(RunSpec spec) {
        int repeats = switch (spec.budget()) {
            case Budget.None n -> 0;
            case Budget.Effort e when e.level() == EffortLevel.LOW -> 1;
            case Budget.Effort e when e.level() == EffortLevel.MEDIUM -> 3;
            case Budget.Effort e -> 6;
            case Budget.Tokens t -> Math.max(1, t.maxThinkingTokens() / 100);
            case Budget.Forcing f -> 2;
        };
        List<String> thinking = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            thinking.addAll(tokens(THOUGHT));
        }
        List<String> answer = tokens(repeats == 0
                ? "They meet at about 11:20, roughly 190 km from City A."
                : "The trains meet at 11:30, 200.0 km from City A.\n\nThe first train's 40 km head start "
                + "leaves 360 km, closed at 180 km/h in 2 hours.");
        return ScriptedTestEngine.Script.of(thinking, answer)
                .reporting(new Usage(64, thinking.size() + answer.size(), thinking.size()));
    }
}
