package dev.thinkbench.engine.hosted;

import dev.thinkbench.core.Budget;

/**
 * Checks a budget against what a hosted model takes ({@link HostedModel}) before anything is sent, and says which
 * knob to use instead: a token budget on an effort-only model, an effort level the model does not offer, a token
 * count out of range, or "none" on a model that always thinks.
 *
 * <p>Stateless; any thread.
 */
public final class ModelKnobs {

    private ModelKnobs() {
    }

    /**
     * Null when {@code model} takes {@code budget}, else why not and what to use instead, fit to show the user.
     * Forcing budgets are not judged here (the engine's capabilities refuse them).
     *
     * @param effortWire the effort level as this API names it (after the engine's own mapping), or null
     */
    public static String whyUnsupported(HostedModel model, Budget budget, String effortWire) {
        return switch (budget) {
            case Budget.None n -> model.canTurnOff() ? null
                    : model.name() + " cannot switch thinking off; the least it takes is " + least(model) + ".";
            case Budget.Tokens t -> tokens(model, t.maxThinkingTokens());
            case Budget.Effort e -> effort(model, effortWire == null ? e.level().wireName() : effortWire);
            case Budget.Forcing f -> null;
        };
    }

    private static String tokens(HostedModel model, int n) {
        if (!model.takesTokens()) {
            return model.name() + " takes no thinking-token budget (" + model.knob() + "); use "
                    + alternatives(model) + ".";
        }
        if (!model.tokens().contains(n)) {
            return String.format("%s takes a thinking budget of %s tokens, not %,d; use %s.", model.name(),
                    model.tokens().words(), n, model.tokenSpec());
        }
        return null;
    }

    private static String effort(HostedModel model, String wire) {
        if (!model.takesEffort()) {
            return model.name() + " takes no effort levels (" + model.knob() + "); use " + alternatives(model) + ".";
        }
        if (!model.efforts().contains(wire)) {
            return model.name() + " takes effort " + String.join(", ", model.efforts()) + ", not '" + wire + "'; use "
                    + alternatives(model) + ".";
        }
        return null;
    }

    /** The knobs the model takes, as budget specs, e.g. {@code effort:low|medium|high or none}. */
    public static String alternatives(HostedModel model) {
        StringBuilder b = new StringBuilder();
        if (model.takesEffort()) {
            b.append(model.effortSpec());
        }
        if (model.takesTokens()) {
            b.append(b.isEmpty() ? "" : " or ").append(model.tokenSpec());
        }
        if (model.canTurnOff()) {
            b.append(b.isEmpty() ? "" : " or ").append("none");
        }
        return b.isEmpty() ? "no thinking budget at all (it decides itself)" : b.toString();
    }

    private static String least(HostedModel model) {
        if (model.takesEffort()) {
            return "effort:" + model.efforts().getFirst();
        }
        if (model.takesTokens()) {
            return "tokens:" + model.tokens().min();
        }
        return "whatever it decides";
    }
}
