package dev.thinkbench.micro;

import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemSplit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints the micro model's test-time scaling curve on the held-out set with the app's own code (built-in engine,
 * s1 forcer, greedy, {@link dev.thinkbench.core.AnswerGrader}): accuracy with the answer forced at once, then per
 * thinking cap the mean thinking tokens and accuracy; then the Wait rescue: of the problems the model got wrong
 * after ending its thinking itself under the largest cap, how many one forced Wait (the end suppressed once, s1
 * style) turns right, and how many right ones it turns wrong. Not a test: run {@code bin/micro-curve}.
 *
 * <p>Usage: {@code MicroCurveHarness [--model file.gguf] [--n 300] [--caps 8,16,...]}; runs on the calling thread.
 */
public final class MicroCurveHarness {

    private MicroCurveHarness() {
    }

    public static void main(String[] args) {
        Path model = MicroRunner.MODEL;
        int n = 300;
        int[] caps = {8, 16, 24, 32, 48, 64, 96, 128, 256};
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[i + 1]);
                case "--n" -> n = Integer.parseInt(args[i + 1]);
                case "--caps" -> caps = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Problem> problems = ProblemSplit.heldOut(n);
        long start = System.nanoTime();
        try (MicroRunner runner = new MicroRunner(model)) {
            out("model %s, %d held-out problems (difficulty 1..6, %d each), greedy, app forcer + built-in engine",
                    model, n, n / 6);
            out("%-12s %10s %10s   %s", "cap", "thinkTok", "accuracy", "by difficulty 1..6");
            row("none", sweep(runner, problems, -1));
            List<MicroRunner.Attempt> full = null;
            for (int cap : caps) {
                List<MicroRunner.Attempt> attempts = sweep(runner, problems, cap);
                row(Integer.toString(cap), attempts);
                full = attempts;
            }
            rescue(runner, full, caps[caps.length - 1]);
            earlyStops(runner, problems);
        }
        out("wall %.1f s", (System.nanoTime() - start) / 1e9);
        System.exit(0);
    }

    private static List<MicroRunner.Attempt> sweep(MicroRunner runner, List<Problem> problems, int cap) {
        List<MicroRunner.Attempt> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            out.add(runner.run(p, cap < 0 ? null : MicroRunner.capped(cap)));
        }
        return out;
    }

    private static void rescue(MicroRunner runner, List<MicroRunner.Attempt> full, int cap) {
        int early = 0;
        int fixed = 0;
        int rightEnded = 0;
        int broken = 0;
        for (MicroRunner.Attempt a : full) {
            if (!a.endedItself()) {
                continue;
            }
            MicroRunner.Attempt waited = runner.run(a.problem(),
                    MicroRunner.oneWait(a.thinkingTokens() + 1, cap + 64));
            if (!a.correct()) {
                early++;
                fixed += waited.correct() ? 1 : 0;
                out("  wrong after ending itself: %s [%d]%n    before: %s| %s%n    Wait:   %s| %s", a.problem().id(),
                        a.problem().answer(), flat(a.thinking()), a.answer().strip(), flat(waited.thinking()),
                        waited.answer().strip());
            } else {
                rightEnded++;
                broken += waited.correct() ? 0 : 1;
            }
        }
        out("Wait rescue (cap %d): wrong after ending thinking itself %d; one forced Wait fixed %d (%.0f%%)", cap,
                early, fixed, early == 0 ? 0.0 : 100.0 * fixed / early);
        out("Wait on right answers: %d of %d turned wrong", broken, rightEnded);
    }

    /**
     * Premature stops made by hand (the Stepper): each problem of two or more steps is cut after 1..n-1 of the
     * model's own lines (cycling with the problem index), the answer forced there; then from the same point one Wait.
     */
    private static void earlyStops(MicroRunner runner, List<Problem> problems) {
        int stoppedWrong = 0;
        int fixed = 0;
        int tried = 0;
        int shown = 0;
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            if (p.difficulty() < 2) {
                continue;
            }
            int kept = 1 + i % (p.difficulty() - 1);
            MicroRunner.EarlyStop e;
            try {
                e = runner.earlyStop(p, kept);
            } catch (Exception ex) {
                throw new IllegalStateException("stepper run of " + p.id() + " failed", ex);
            }
            tried++;
            if (!e.stoppedCorrect()) {
                stoppedWrong++;
                fixed += e.waitedCorrect() ? 1 : 0;
                if (shown++ < 3) {
                    out("  stopped after %d of %d lines: %s [%d] answered%s; after Wait: %s| %s", kept,
                            p.difficulty(), p.id(), p.answer(), e.stoppedAnswer().stripTrailing(),
                            flat(e.waitedThinking()), e.waitedAnswer().strip());
                }
            }
        }
        out("Premature stop (Stepper, %d problems of 2+ steps cut after 1..n-1 lines): wrong when stopped %d;"
                + " one Wait fixed %d (%.0f%%)", tried, stoppedWrong, fixed,
                stoppedWrong == 0 ? 0.0 : 100.0 * fixed / stoppedWrong);
    }

    private static void row(String cap, List<MicroRunner.Attempt> attempts) {
        int[] right = new int[7];
        int[] total = new int[7];
        long tokens = 0;
        int correct = 0;
        for (MicroRunner.Attempt a : attempts) {
            int d = a.problem().difficulty();
            total[d]++;
            right[d] += a.correct() ? 1 : 0;
            correct += a.correct() ? 1 : 0;
            tokens += a.thinkingTokens();
        }
        StringBuilder by = new StringBuilder();
        for (int d = 1; d <= 6; d++) {
            by.append(String.format(Locale.ROOT, "%4.0f%%", 100.0 * right[d] / Math.max(1, total[d])));
        }
        out("%-12s %10.1f %9.1f%%   %s", cap, (double) tokens / attempts.size(),
                100.0 * correct / attempts.size(), by);
    }

    private static String flat(String s) {
        return s.replace("\n", "\\n");
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
