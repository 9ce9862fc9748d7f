package dev.thinkbench.lab.strategy;

import java.util.List;

/**
 * The strategies by name, as {@code --strategy} and the Experiments tab offer them, with their knobs.
 * Stateless; any thread.
 */
public final class Strategies {

    /** Every name, in the order they are listed. */
    public static final List<String> NAMES = List.of(FixedStrategy.NAME, "majority", VerifierStrategy.NAME,
            "shortest", "longest", AdaptiveStrategy.NAME, RoutingStrategy.NAME);

    /**
     * The knobs the named strategies read.
     *
     * @param candidates N for best-of-N (majority, verifier, shortest, longest)
     * @param adaptive adaptive thinking's probe settings
     * @param maxDifficulty the top of the problem set's difficulty scale, for routing
     * @param judgeModel the verifier's model, null for the sweep's own (the judge endpoints, when the sweep names
     *                   any, serve it)
     */
    public record Options(int candidates, AdaptiveStrategy.Settings adaptive, int maxDifficulty, String judgeModel) {

        public Options {
            judgeModel = judgeModel == null || judgeModel.isBlank() ? null : judgeModel.strip();
        }

        /** The sweep's own model judges. */
        public Options(int candidates, AdaptiveStrategy.Settings adaptive, int maxDifficulty) {
            this(candidates, adaptive, maxDifficulty, null);
        }

        /** 5 candidates; a probe every 16 thinking tokens, one per checkpoint, 2 agreeing; difficulty up to 5. */
        public static Options defaults() {
            return new Options(5, AdaptiveStrategy.Settings.agreeing(16, 1, 2), 5);
        }

        public Options withMaxDifficulty(int max) {
            return new Options(candidates, adaptive, max, judgeModel);
        }

        /** @param model the verifier's model, null or blank for the sweep's own */
        public Options withJudgeModel(String model) {
            return new Options(candidates, adaptive, maxDifficulty, model);
        }
    }

    private Strategies() {
    }

    /**
     * Whether the strategy of this name needs an engine that continues raw text: adaptive thinking forks the trace
     * to probe for an answer, which a chat API cannot. The window's form and the command line refuse it up front on a
     * chat engine, where every run would fail.
     */
    public static boolean needsRawContinuation(String name) {
        return AdaptiveStrategy.NAME.equals(name == null ? null : name.strip());
    }

    /** @throws IllegalArgumentException naming the known strategies */
    public static Strategy named(String name, Options options) {
        String n = name == null ? "" : name.strip();
        return switch (n) {
            case FixedStrategy.NAME -> new FixedStrategy();
            case "majority" -> new BestOfN(BestOfN.Selection.MAJORITY, options.candidates());
            case "shortest" -> new BestOfN(BestOfN.Selection.SHORTEST, options.candidates());
            case "longest" -> new BestOfN(BestOfN.Selection.LONGEST, options.candidates());
            case VerifierStrategy.NAME -> new VerifierStrategy(options.candidates(), options.judgeModel(), null);
            case AdaptiveStrategy.NAME -> new AdaptiveStrategy(options.adaptive());
            case RoutingStrategy.NAME -> new RoutingStrategy(options.maxDifficulty());
            default -> throw new IllegalArgumentException("unknown strategy '" + n + "' (use "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
