package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.AnswerGrader;

import java.util.List;

/**
 * When adaptive thinking stops: given every probe so far (oldest first), whether the latest answer is settled.
 * Implementations are pure and immutable; the ones made here say what they are in {@code toString()} (e.g.
 * {@code 2 agree or sure at 0.9}), which results record as the strategy's settings.
 */
@FunctionalInterface
public interface StopRule {

    boolean stop(List<Probe> probes);

    /** Stop when the last {@code k} probes all gave the same readable answer. */
    static StopRule agreement(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("agreement needs k of at least 1, was " + k);
        }
        return described(k + " agree", probes -> {
            if (probes.size() < k) {
                return false;
            }
            List<Probe> last = probes.subList(probes.size() - k, probes.size());
            String first = AnswerGrader.canonical(last.getFirst().extracted());
            return first != null && last.stream().allMatch(p -> first.equals(AnswerGrader.canonical(p.extracted())));
        });
    }

    /** Stop when the latest probe has a readable answer with a confidence of at least {@code threshold}. */
    static StopRule confidence(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("a confidence threshold is in (0, 1], was " + threshold);
        }
        return described("sure at " + threshold, probes -> !probes.isEmpty() && probes.getLast().extracted() != null
                && probes.getLast().confidence().orElse(0) >= threshold);
    }

    /** Stop when either rule says so. */
    default StopRule or(StopRule other) {
        StopRule first = this;
        return described(first + " or " + other, probes -> first.stop(probes) || other.stop(probes));
    }

    /** {@code rule}, saying {@code words} in {@code toString()}. */
    private static StopRule described(String words, StopRule rule) {
        return new StopRule() {
            @Override
            public boolean stop(List<Probe> probes) {
                return rule.stop(probes);
            }

            @Override
            public String toString() {
                return words;
            }
        };
    }
}
