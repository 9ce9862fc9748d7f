package dev.thinkbench.core;

/**
 * How much a run may think. Written as a spec string: {@code none}, {@code tokens:N}, {@code effort:LEVEL} or
 * {@code force:min=N,max=N,waits=N,wait=TEXT} (see {@link BudgetSpec}).
 */
public sealed interface Budget {

    /** The spec string that {@link BudgetSpec#parse(String)} reads back into an equal budget. */
    default String spec() {
        return BudgetSpec.format(this);
    }

    /** Which kind of budget this is, for capability checks. */
    Kind kind();

    enum Kind { NONE, TOKENS, EFFORT, FORCING }

    /** Thinking switched off. */
    record None() implements Budget {
        @Override
        public Kind kind() {
            return Kind.NONE;
        }
    }

    /** A thinking-token budget (Anthropic {@code budget_tokens}, Gemini 2.5 {@code thinkingBudget}). */
    record Tokens(int maxThinkingTokens) implements Budget {
        public Tokens {
            if (maxThinkingTokens < 1 || maxThinkingTokens > ForcingPlan.MAX_TOKENS) {
                throw new IllegalArgumentException("thinking tokens must be between 1 and " + ForcingPlan.MAX_TOKENS
                        + ", was " + maxThinkingTokens);
            }
        }

        @Override
        public Kind kind() {
            return Kind.TOKENS;
        }
    }

    /** A reasoning effort level (OpenAI, DeepSeek, Ollama think levels, newer Claude and Gemini 3). */
    record Effort(EffortLevel level) implements Budget {
        public Effort {
            if (level == null) {
                throw new IllegalArgumentException("effort level is required");
            }
        }

        @Override
        public Kind kind() {
            return Kind.EFFORT;
        }
    }

    /** s1 budget forcing; only raw-continuation backends can honour it. */
    record Forcing(ForcingPlan plan) implements Budget {
        public Forcing {
            if (plan == null) {
                throw new IllegalArgumentException("forcing plan is required");
            }
        }

        @Override
        public Kind kind() {
            return Kind.FORCING;
        }
    }
}
