package dev.thinkbench.engine;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.Worded;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;

import java.util.List;

/**
 * A reasoning model behind a chat API with a thinking-budget knob (effort, tokens, on/off, or forcing).
 *
 * <p>Threading: {@link #start} returns at once and emits the run's events on an engine thread, in order:
 * {@code Started}, deltas, interventions, usage, then exactly one of {@code Finished}, {@code Cancelled},
 * {@code Failed}. It never throws for a run's failure; failures become a {@code Failed} event. Several runs may be in
 * flight at once and are independent. {@link #listModels()} blocks; call it off the UI thread.
 */
public interface ReasoningEngine {

    /** A stable id such as {@code ollama} or {@code openai-compatible}. */
    String id();

    /** A name for people, with the server it talks to, e.g. {@code Ollama at http://127.0.0.1:11434}. */
    String displayName();

    EngineCapabilities capabilities();

    /** The models the server offers. */
    List<ModelInfo> listModels() throws EngineException;

    /** What this budget means on this engine, for tooltips: e.g. {@code think=true, num_predict=4096}. */
    String describe(Budget budget);

    /**
     * What {@link #describe} says, as a reason and values a window words in its own language; null when the engine
     * words it in English only (then the window shows {@link #describe}'s words). Its English equals describe's.
     */
    default Worded meaning(Budget budget) {
        return null;
    }

    /**
     * Null when {@code model} takes {@code budget} as far as the engine knows without asking its server, else why not
     * and what to use instead, in the words a run of it would fail with (Claude Sonnet 4.5 and an effort level). Only
     * what {@link #capabilities()} cannot say, per model; null by default (the server's answer decides). Any thread;
     * never calls a server.
     */
    default String whyModelRefuses(Budget budget, String model) {
        return null;
    }

    /** The price of a model: free for local servers, from the table for hosted APIs, null if unknown. */
    Price price(String model, PriceTable table);

    /** Starts a run; see the class comment for the event contract. */
    RunHandle start(RunSpec spec, ReasoningEventSink sink);

    /**
     * Whether runs of {@code model} report how sure the model was of each token
     * ({@link dev.thinkbench.core.ReasoningEvent.TokenConfidence}); false unless the engine says so. Any thread; may
     * look the model's backend up but never calls a server.
     */
    default boolean reportsTokenProbabilities(String model) {
        return false;
    }
}
