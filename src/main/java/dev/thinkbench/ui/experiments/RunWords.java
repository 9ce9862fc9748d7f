package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.RunStatus;
import dev.thinkbench.lab.strategy.AdaptiveStrategy;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Messages;

import java.util.Arrays;

/**
 * What the results table's tooltips and the Trace tab both say about a run of a sweep: its status, why it did not
 * finish, its token counts. Strings from {@link Messages}; any thread.
 */
final class RunWords {

    private RunWords() {
    }

    /** A run's status ({@code ok}, {@code failed}, ...) as people read it; a status this app does not know as it is. */
    static String status(String wireName) {
        boolean known = Arrays.stream(RunStatus.values()).anyMatch(s -> s.wireName().equals(wireName));
        return known ? Messages.get("sweep.status." + wireName) : wireName;
    }

    /** Why a run did not finish, e.g. {@code failed: effort is not allowed here}. */
    static String failure(SweepRecord r) {
        return status(r.status()) + ": " + (r.error() == null ? Messages.get("sweep.run.noReason") : r.error());
    }

    /**
     * What a run's compute counts under {@code strategy}: its thinking; every candidate's thinking and the answers not
     * chosen (best-of-N with any selection); or its thinking and the answer probes (adaptive).
     */
    static String computeOf(String strategy) {
        return Messages.get(switch (strategy == null ? "" : strategy) {
            case "majority", "verifier", "shortest", "longest" -> "sweep.compute.of.candidates";
            case AdaptiveStrategy.NAME -> "sweep.compute.of.probes";
            default -> "sweep.compute.of.single";
        });
    }

    /** A token count, or a dash when unknown. */
    static String tokens(Integer count) {
        return count == null ? Formats.DASH : count.toString();
    }
}
