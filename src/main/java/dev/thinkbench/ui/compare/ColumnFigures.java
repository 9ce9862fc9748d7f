package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Money;
import dev.thinkbench.core.RunMetrics;

import java.math.BigDecimal;

/**
 * One column's numbers for the charts. Null means unknown (drawn as no bar, never as a zero bar that pretends to be
 * data); latency parts are in milliseconds.
 *
 * @param label the column's label
 * @param thinkingTokens thinking tokens
 * @param answerTokens answer tokens
 * @param cost cost in the price's currency
 * @param firstTokenMs from start to the first token of any kind
 * @param thinkingMs from the first thinking token to the first answer token
 * @param answerMs from the first answer token to the end (or now)
 * @param loadMs the model load the run waited for before it started, null when none (the model was loaded)
 * @param unsplitTokens the tokens generated, thinking and answer together, where the engine reported only their sum
 *                      (Anthropic bills thinking as output and never counts it apart); null where the two are known
 * @param costBasis what the cost rests on: a price, a local engine that costs nothing, or no price for the model (the
 *                  cost chart's note says which: only a local engine's runs are "free on this machine")
 */
public record ColumnFigures(String label, Integer thinkingTokens, Integer answerTokens, BigDecimal cost,
                            Long firstTokenMs, Long thinkingMs, Long answerMs, Long loadMs, Integer unsplitTokens,
                            Money.Basis costBasis) {

    /** Figures whose cost, where it is zero, is a local engine's (free), else at a price. */
    public ColumnFigures(String label, Integer thinkingTokens, Integer answerTokens, BigDecimal cost,
                         Long firstTokenMs, Long thinkingMs, Long answerMs, Long loadMs, Integer unsplitTokens) {
        this(label, thinkingTokens, answerTokens, cost, firstTokenMs, thinkingMs, answerMs, loadMs, unsplitTokens,
                cost != null && cost.signum() == 0 ? Money.Basis.FREE : Money.Basis.PRICED);
    }

    /** Figures whose thinking and answer are counted apart. */
    public ColumnFigures(String label, Integer thinkingTokens, Integer answerTokens, BigDecimal cost,
                         Long firstTokenMs, Long thinkingMs, Long answerMs, Long loadMs) {
        this(label, thinkingTokens, answerTokens, cost, firstTokenMs, thinkingMs, answerMs, loadMs, null);
    }

    /** Figures without a model load. */
    public ColumnFigures(String label, Integer thinkingTokens, Integer answerTokens, BigDecimal cost,
                         Long firstTokenMs, Long thinkingMs, Long answerMs) {
        this(label, thinkingTokens, answerTokens, cost, firstTokenMs, thinkingMs, answerMs, null);
    }

    /** Figures from a column's metrics. */
    public static ColumnFigures of(String label, RunMetrics m) {
        Long first = minKnown(m.timeToFirstThinkingMs(), m.timeToFirstAnswerMs());
        Long answer = null;
        if (m.timeToFirstAnswerMs() != null && m.totalMs() != null) {
            answer = Math.max(0, m.totalMs() - m.timeToFirstAnswerMs());
        }
        Long thinking = m.thinkingMs();
        if (thinking == null && first != null) {
            thinking = 0L;
        }
        return new ColumnFigures(label, m.thinkingTokens().value(), m.answerTokens().value(), m.cost().amount(),
                first, thinking, answer, m.modelLoadMs(), m.unsplitOutputTokens(), m.cost().basis());
    }

    private static Long minKnown(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
