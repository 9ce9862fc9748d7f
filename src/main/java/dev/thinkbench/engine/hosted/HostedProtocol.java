package dev.thinkbench.engine.hosted;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.http.Failure;
import dev.thinkbench.engine.stream.ChatProtocol;
import dev.thinkbench.engine.stream.ChatServer;
import dev.thinkbench.engine.stream.ModelListing;
import dev.thinkbench.engine.stream.UnknownModelCheck;
import dev.thinkbench.engine.stream.WireCheck;

import java.util.List;
import java.util.Optional;

/**
 * What every hosted API's {@link ChatProtocol} shares: its server, its row of the hosted-models table for a run's
 * model, its model listing, its wire check, and how a failed request is explained (a rejected budget names the knob
 * to use, an unknown model lists the ones there are). Each provider adds its budgets, its langchain4j model and its
 * usage reading.
 *
 * <p>Threading: as {@link ChatProtocol}; immutable.
 */
public abstract class HostedProtocol implements ChatProtocol {

    /** The prompt of the run {@link #whyModelRefuses} checks; never sent. */
    private static final String BUDGET_CHECK_PROMPT = "(budget check)";

    protected final ChatServer server;
    private final HostedModels table;
    private final String engineId;
    private final ModelListing models;
    private final WireCheck wire;
    private final List<String> budgetWords;
    private final String howToGet;

    /**
     * @param budgetWords words in a 400's message that mark it as a complaint about the budget
     * @param howToGet what to say after the list of models when the model is unknown
     */
    protected HostedProtocol(ChatServer server, HostedModels table, String engineId, ModelListing models,
                             WireCheck wire, List<String> budgetWords, String howToGet) {
        this.server = server;
        this.table = table;
        this.engineId = engineId;
        this.models = models;
        this.wire = wire;
        this.budgetWords = List.copyOf(budgetWords);
        this.howToGet = howToGet;
    }

    /** The hosted-models table's row for the run's model, when it has one. */
    protected final Optional<HostedModel> row(RunSpec spec) {
        return table.lookup(engineId, spec.model());
    }

    /**
     * The run's own check ({@link #whyUnsupported}) on a run of {@code model} with {@code budget} and default sampling:
     * a hosted protocol's check reads only its capabilities and the hosted-models table, never the server.
     */
    @Override
    public final String whyModelRefuses(Budget budget, String model) {
        if (budget == null || model == null || model.isBlank()) {
            return null;
        }
        return whyUnsupported(new RunSpec(BUDGET_CHECK_PROMPT, "", model.strip(), budget, Sampling.defaults()));
    }

    @Override
    public final List<ModelInfo> listModels() throws EngineException {
        return models.list();
    }

    @Override
    public final WireCheck wireCheck() {
        return wire;
    }

    /** A 400 about the budget names the knob to use; an unknown model lists the models there are. */
    @Override
    public Failure diagnose(Failure failure, RunSpec spec) {
        Failure budget = BudgetRejection.explain(failure, server.describe(), spec.model(), spec.budget(), row(spec),
                budgetWords);
        if (budget != failure) {
            return budget;
        }
        return UnknownModelCheck.diagnose(failure, spec.model(), server.failures().endpoint(), models, howToGet);
    }

    /** Never shows the key. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + server.baseUrl() + "]";
    }
}
