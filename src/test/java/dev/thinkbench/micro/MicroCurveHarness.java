package dev.thinkbench.micro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Prints the micro model's test-time scaling curves and its behaviour outside the task, measured with the app's own
 * code (built-in engine, s1 forcer, greedy, {@link dev.thinkbench.core.AnswerGrader}), as Markdown tables for the
 * model card: per thinking cap the mean thinking tokens and accuracy, by number of operations and by phrasing
 * family, on the widened held-out set, the hand-written worksheet and the first model's held-out set; the refusal
 * on prompts outside the task (hand-written and generated) and on real problems; Wait harm (a right answer after the
 * model's own end, one more forced Wait, now wrong?), Wait rescue (a wrong answer after its own end, one Wait,
 * now right?) and premature stops cut by hand in the {@code Stepper}, then one Wait. Not a test: run
 * {@code bin/micro-curve}.
 *
 * <p>Usage: {@code MicroCurveHarness [--model file.gguf] [--words 400] [--legacy 300] [--caps 8,16,...]
 * [--out file.md]}; runs on the calling thread.
 */
public final class MicroCurveHarness {

    private final MicroRunner runner;
    private final int[] caps;
    private final StringBuilder report = new StringBuilder();

    private MicroCurveHarness(MicroRunner runner, int[] caps) {
        this.runner = runner;
        this.caps = caps;
    }

    public static void main(String[] args) throws IOException {
        Path model = MicroRunner.MODEL;
        int words = 400;
        int legacy = 300;
        Path out = null;
        int[] caps = {8, 16, 32, 48, 64, 96, 128, 256};
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[i + 1]);
                case "--words" -> words = Integer.parseInt(args[i + 1]);
                case "--legacy" -> legacy = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--caps" -> caps = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long start = System.nanoTime();
        try (MicroRunner runner = new MicroRunner(model)) {
            MicroCurveHarness h = new MicroCurveHarness(runner, caps);
            h.out("Model `%s`; greedy; the app's BudgetForcer (chatml-think) and built-in engine.%n", model);
            Map<String, List<MicroRunner.Attempt>> full = new LinkedHashMap<>();
            List<MicroRunner.Case> w = MicroEvalSets.words(words);
            if (!w.isEmpty()) {
                full.put("widened held-out", h.curve("Widened held-out set (" + w.size()
                        + " problems, 1-4 operations)", w, MicroRunner.Case::family,
                        List.of("story", "tally", "money", "place", "expression")));
            }
            List<MicroRunner.Case> ws = MicroEvalSets.worksheet();
            full.put("worksheet", h.curve("Hand-written worksheet (" + ws.size() + " problems)", ws, c -> null,
                    List.of()));
            List<MicroRunner.Case> l = MicroEvalSets.legacy(legacy);
            if (!l.isEmpty()) {
                full.put("first model's held-out", h.curve("First model's held-out set (" + l.size()
                        + " problems, 1-6 operations)", l, MicroRunner.Case::family,
                        List.of("items", "bus", "number")));
            }
            h.outOfScope(full);
            h.waits(full);
            h.earlyStops(w, l);
            h.out("%nwall %.1f min%n", (System.nanoTime() - start) / 6e10);
            if (out != null) {
                Files.writeString(out, h.report.toString());
            }
        }
        System.exit(0);
    }

    /** One curve table; returns the attempts at the largest cap. */
    private List<MicroRunner.Attempt> curve(String title, List<MicroRunner.Case> cases,
                                            Function<MicroRunner.Case, String> family, List<String> families) {
        int maxD = cases.stream().mapToInt(MicroRunner.Case::difficulty).max().orElse(1);
        out("%n### %s%n%n", title);
        StringBuilder head = new StringBuilder("| cap | thinkTok | accuracy |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (int d = 1; d <= maxD; d++) {
            head.append(d == 1 ? " 1 op |" : " " + d + " |");
            rule.append("---|");
        }
        for (String f : families) {
            head.append(' ').append(f).append(" |");
            rule.append("---|");
        }
        head.append(" refused |");
        rule.append("---|");
        out("%s%n%s%n", head, rule);
        row("none", attempts(cases, -1), maxD, family, families);
        List<MicroRunner.Attempt> last = null;
        for (int cap : caps) {
            last = attempts(cases, cap);
            row(Integer.toString(cap), last, maxD, family, families);
        }
        return last;
    }

    private List<MicroRunner.Attempt> attempts(List<MicroRunner.Case> cases, int cap) {
        List<MicroRunner.Attempt> out = new ArrayList<>(cases.size());
        for (MicroRunner.Case c : cases) {
            out.add(runner.run(c, cap < 0 ? null : MicroRunner.capped(cap)));
        }
        return out;
    }

    private void row(String cap, List<MicroRunner.Attempt> attempts, int maxD,
                     Function<MicroRunner.Case, String> family, List<String> families) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "| %s | %.1f | **%.1f%%** |", cap,
                attempts.stream().mapToInt(MicroRunner.Attempt::thinkingTokens).average().orElse(0),
                pct(attempts, a -> true)));
        for (int d = 1; d <= maxD; d++) {
            int level = d;
            b.append(String.format(Locale.ROOT, " %.0f%% |", pct(attempts, a -> a.problem().difficulty() == level)));
        }
        for (String f : families) {
            b.append(String.format(Locale.ROOT, " %.0f%% |", pct(attempts, a -> f.equals(family.apply(a.problem())))));
        }
        b.append(' ').append(attempts.stream().filter(MicroRunner.Attempt::refused).count()).append(" |");
        out("%s%n", b);
    }

    private static double pct(List<MicroRunner.Attempt> attempts, java.util.function.Predicate<MicroRunner.Attempt> in) {
        long total = attempts.stream().filter(in).count();
        long right = attempts.stream().filter(in).filter(MicroRunner.Attempt::correct).count();
        return total == 0 ? 0 : 100.0 * right / total;
    }

    /** Refusal of prompts outside the task (largest cap and no thinking), and of the real problems. */
    private void outOfScope(Map<String, List<MicroRunner.Attempt>> full) {
        int cap = caps[caps.length - 1];
        out("%n### Outside the task: the refusal \"%s\"%n%n", dev.thinkbench.core.problems.MicroFormat.REFUSAL);
        out("| prompts | kind | count | refused (cap %d) | refused (no thinking) |%n|---|---|---|---|---|%n", cap);
        for (var set : List.of(Map.entry("hand-written", MicroEvalSets.nonProblems()),
                Map.entry("generated held-out", MicroEvalSets.generatedNonProblems(100)))) {
            List<MicroRunner.Attempt> thinking = attempts(set.getValue(), cap);
            List<MicroRunner.Attempt> none = attempts(set.getValue(), -1);
            Map<String, int[]> byKind = new LinkedHashMap<>();
            for (int i = 0; i < thinking.size(); i++) {
                int[] c = byKind.computeIfAbsent(thinking.get(i).problem().family(), k -> new int[3]);
                c[0]++;
                c[1] += thinking.get(i).refused() ? 1 : 0;
                c[2] += none.get(i).refused() ? 1 : 0;
                if (!thinking.get(i).refused()) {
                    out("<!-- not refused: %s => %s| %s -->%n", flat(thinking.get(i).problem().question()),
                            flat(thinking.get(i).thinking()), flat(thinking.get(i).answer()));
                }
            }
            int[] all = new int[3];
            byKind.forEach((kind, c) -> {
                out("| %s | %s | %d | %d | %d |%n", set.getKey(), kind, c[0], c[1], c[2]);
                for (int j = 0; j < 3; j++) {
                    all[j] += c[j];
                }
            });
            out("| **%s** | all | %d | **%d (%.0f%%)** | %d |%n", set.getKey(), all[0], all[1],
                    100.0 * all[1] / all[0], all[2]);
        }
        out("%n| real problems (cap %d) | count | refused |%n|---|---|---|%n", cap);
        full.forEach((name, attempts) -> out("| %s | %d | %d |%n", name, attempts.size(),
                attempts.stream().filter(MicroRunner.Attempt::refused).count()));
    }

    /**
     * After the model's own end under the largest cap: one more forced Wait (the end suppressed once, s1 style) on
     * the right answers (harm) and on the wrong ones (rescue).
     */
    private void waits(Map<String, List<MicroRunner.Attempt>> full) {
        int cap = caps[caps.length - 1];
        out("%n### One forced Wait after the model's own end (cap %d)%n%n", cap);
        out("| set | right at own end | turned wrong by the Wait (harm) | wrong at own end | fixed by the Wait |%n"
                + "|---|---|---|---|---|%n");
        List<String> shown = new ArrayList<>();
        full.forEach((name, attempts) -> {
            int right = 0;
            int harmed = 0;
            int wrong = 0;
            int fixed = 0;
            for (MicroRunner.Attempt a : attempts) {
                if (!a.endedItself() || a.refused()) {
                    continue;
                }
                MicroRunner.Attempt waited = runner.run(a.problem(), MicroRunner.oneWait(a.thinkingTokens() + 1,
                        cap + 64));
                if (a.correct()) {
                    right++;
                    harmed += waited.correct() ? 0 : 1;
                    if (!waited.correct() && shown.size() < 6) {
                        shown.add("harm " + a.problem().id() + ": " + flat(waited.thinking()) + "| "
                                + flat(waited.answer()));
                    }
                } else {
                    wrong++;
                    fixed += waited.correct() ? 1 : 0;
                }
            }
            out("| %s | %d | **%d (%.1f%%)** | %d | %d |%n", name, right, harmed, right == 0 ? 0 : 100.0 * harmed / right,
                    wrong, fixed);
        });
        shown.forEach(s -> out("<!-- %s -->%n", s));
    }

    /**
     * Premature stops made by hand (the Stepper): each problem of two or more lines is cut after 1..n-1 of the
     * model's own lines (cycling with the problem index), the answer forced there; then from the same point one Wait.
     */
    private void earlyStops(List<MicroRunner.Case> words, List<MicroRunner.Case> legacy) {
        out("%n### Premature stop by hand (Stepper), then one Wait%n%n");
        out("| set | cut problems | wrong when stopped | right after one Wait |%n|---|---|---|---|%n");
        for (var set : List.of(Map.entry("widened held-out", words), Map.entry("first model's held-out", legacy))) {
            int tried = 0;
            int stoppedWrong = 0;
            int fixed = 0;
            for (int i = 0; i < set.getValue().size(); i++) {
                MicroRunner.Case c = set.getValue().get(i);
                int lines = c.question().isEmpty() ? 0 : linesOf(c);
                if (lines < 2) {
                    continue;
                }
                int kept = 1 + i % (lines - 1);
                MicroRunner.EarlyStop e;
                try {
                    e = runner.earlyStop(c, kept);
                } catch (Exception ex) {
                    throw new IllegalStateException("stepper run of " + c.id() + " failed", ex);
                }
                tried++;
                if (!e.stoppedCorrect()) {
                    stoppedWrong++;
                    fixed += e.waitedCorrect() ? 1 : 0;
                }
            }
            out("| %s | %d | %d | **%d (%.0f%%)** |%n", set.getKey(), tried, stoppedWrong, fixed,
                    stoppedWrong == 0 ? 0.0 : 100.0 * fixed / stoppedWrong);
        }
    }

    /** The clean scratchpad's line count of a generated problem (its id tells the set). */
    private static int linesOf(MicroRunner.Case c) {
        List<dev.thinkbench.core.problems.Problem> source = c.id().startsWith("words-")
                ? dev.thinkbench.core.problems.ProblemSplit.heldOutWords(Integer.parseInt(c.id().substring(6)) + 1)
                : dev.thinkbench.core.problems.ProblemSplit.heldOut(Integer.parseInt(c.id().substring(8)) + 1);
        return source.getLast().steps().size();
    }

    private static String flat(String s) {
        return s == null ? "" : s.replace("\n", "\\n").replace("--", "- -");
    }

    private void out(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        report.append(s);
        System.out.print(s);
        System.out.flush();
    }
}
