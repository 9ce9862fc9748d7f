package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.Strategy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the results already in a file are runs of the sweep about to resume into it. A report pools every run of a
 * label, strategy and problem, so runs of another sweep appended to the same file would be averaged in unnoticed: a
 * label at another budget ("small" at tokens:8 and at force:max=8 became one row), another problem set (its problems
 * averaged in with these), budgets or strategies this sweep does not run, another model or sampling (a rerun on
 * another engine reported the first engine's runs as its own), another context size on the built-in engine (runs
 * that fill a smaller context end "context full"). Runs of a sweep with fewer problems or budgets than this one (a
 * larger {@code --limit}, a budget added) belong to it; so do lines that do not say which model and sampling made
 * them (written before results said it), and lines that do not say the context size (written before results said it)
 * are taken as made at this sweep's. Pure; any thread.
 */
public final class ResumeCheck {

    private ResumeCheck() {
    }

    /**
     * How runs made with {@code then} differ from a sweep that runs with {@code now}, naming only what differs: "its
     * runs were made with model m; this sweep runs with model other", "... with temperature 0.8 and seed 3; this sweep
     * runs with temperature 1.5 and no seed", "... with context 4096; this sweep runs with context 8192".
     */
    static String otherSettings(String then, String now) {
        Map<String, String> a = RanWith.parts(then);
        Map<String, String> b = RanWith.parts(now);
        List<String> was = new java.util.ArrayList<>();
        List<String> is = new java.util.ArrayList<>();
        for (String name : a.keySet()) {
            if (!java.util.Objects.equals(a.get(name), b.get(name)) && !unsaid(name, a)) {
                was.add(setting(name, a.get(name)));
                is.add(setting(name, b.get(name)));
            }
        }
        if (was.isEmpty()) { // worded otherwise (an older line): say both whole
            return "its runs were made with " + then + "; this sweep runs with " + now;
        }
        return "its runs were made with " + and(was) + "; this sweep runs with " + and(is);
    }

    /**
     * Whether runs made with {@code then} belong to a sweep that runs with {@code now}: the same model and settings,
     * where a line that does not name the context size (written before results said it) is taken as made at
     * {@code now}'s.
     */
    public static boolean sameSettings(String then, String now) {
        if (then.equals(now)) {
            return true;
        }
        Map<String, String> a = RanWith.parts(then);
        Map<String, String> b = RanWith.parts(now);
        return a.keySet().stream().allMatch(name -> unsaid(name, a) || java.util.Objects.equals(a.get(name),
                b.get(name)));
    }

    /** Whether {@code parts} leaves {@code name} unsaid as lines written before results said it do. */
    private static boolean unsaid(String name, Map<String, String> parts) {
        return name.equals(RanWith.CONTEXT) && parts.get(name) == null;
    }

    private static String setting(String name, String value) {
        if (value == null && name.equals(RanWith.CONTEXT)) {
            return "the server's context"; // only the built-in engine's runs name theirs
        }
        return value == null ? "no " + name : name + " " + value;
    }

    private static String and(List<String> parts) {
        return parts.size() == 1 ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    /** Why {@code existing} is not (part of) {@code plan}'s runs, in a few words naming the first difference. */
    public static Optional<String> otherSweep(SweepPlan plan, List<SweepRecord> existing) {
        Map<String, String> budgets = new HashMap<>();
        for (Lane l : plan.budgets()) {
            budgets.put(l.label(), l.budget().spec());
        }
        Map<String, BenchProblem> problems = new HashMap<>();
        for (BenchProblem p : plan.problems()) {
            problems.put(p.id(), p);
        }
        Set<String> strategies = new HashSet<>();
        for (Strategy s : plan.strategies()) {
            strategies.add(s.name());
        }
        String ranWith = plan.ranWith();
        for (SweepRecord r : existing) {
            if (!r.ranWith().isEmpty() && !sameSettings(r.ranWith(), ranWith)) {
                return Optional.of(otherSettings(r.ranWith(), ranWith));
            }
            String now = budgets.get(r.label());
            if (now != null && !r.budget().equals(now)) {
                return Optional.of("its '" + r.label() + "' is " + r.budget() + ", this sweep's is " + now);
            }
            if (now == null && !r.label().equals(SweepPlan.ROUTED)) {
                return Optional.of("it has a budget '" + r.label() + "' (" + r.budget() + ") that this sweep does "
                        + "not run");
            }
            if (!strategies.contains(r.strategy())) {
                return Optional.of("it has runs of strategy '" + r.strategy() + "', which this sweep does not run");
            }
            BenchProblem p = problems.get(r.problemId());
            if (p == null) {
                return Optional.of("it has problem '" + r.problemId() + "', which is not among this sweep's "
                        + "problems (another problem set, or a smaller --limit?)");
            }
            if (r.expected() != null && p.answer() != null && !r.expected().equals(p.answer())) {
                return Optional.of("its problem '" + r.problemId() + "' expects " + r.expected() + ", this sweep's "
                        + "expects " + p.answer() + " (another problem set?)");
            }
        }
        return Optional.empty();
    }
}
