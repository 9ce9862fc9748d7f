package dev.thinkbench.engine.hosted;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.http.Failure;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Explains a provider's HTTP 400 that rejects the thinking budget itself (Anthropic's {@code budget_tokens} on an
 * effort-only model, an effort level a model does not offer, Gemini's {@code thinkingBudget} on a 3.x model): the
 * column then says which knob the model takes instead. Models the table knows are checked before sending
 * ({@link ModelKnobs}); this catches models it does not know, and providers that changed their mind.
 *
 * <p>Stateless; any thread.
 */
public final class BudgetRejection {

    private BudgetRejection() {
    }

    /**
     * The failure explained as {@code UNSUPPORTED} when it is a 400 whose message names one of {@code budgetWords},
     * else unchanged.
     *
     * @param server the server as messages name it
     * @param row the table's row for the model, if any
     * @param budgetWords words the provider's message uses for its thinking fields, in lower case (e.g.
     *                    {@code budget_tokens}, {@code thinking}, {@code effort})
     */
    public static Failure explain(Failure failure, String server, String model, Budget budget,
                                  Optional<HostedModel> row, List<String> budgetWords) {
        if (failure.httpStatus() == null || failure.httpStatus() != 400 || failure.serverMessage() == null) {
            return failure;
        }
        String said = failure.serverMessage().toLowerCase(Locale.ROOT);
        if (budgetWords.stream().noneMatch(said::contains)) {
            return failure;
        }
        String advice = row.map(m -> "It takes " + ModelKnobs.alternatives(m) + ".").orElseGet(() -> guess(budget));
        return new Failure(FailureKind.UNSUPPORTED, server + " rejected the budget " + budget.spec() + " for '" + model
                + "' (HTTP 400: " + failure.serverMessage() + "). " + advice
                + " (What each model takes is in assets/hosted-models.json.)", 400, failure.serverMessage(), null);
    }

    private static String guess(Budget budget) {
        return switch (budget) {
            case Budget.Tokens t -> "This model probably takes effort levels instead: try effort:high.";
            case Budget.Effort e -> "This model probably takes other levels, or a token budget: try effort:high or"
                    + " tokens:4096.";
            case Budget.None n -> "This model probably cannot switch thinking off: try its lowest effort level.";
            case Budget.Forcing f -> "Budget forcing needs a raw-continuation engine.";
        };
    }
}
