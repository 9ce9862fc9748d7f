package dev.thinkbench.engine.local.host;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.local.llama.LlamaBatch;
import dev.thinkbench.engine.local.llama.LlamaContext;
import dev.thinkbench.engine.local.llama.LlamaLibrary;
import dev.thinkbench.engine.local.llama.LlamaModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: the bundled micro model (or another) in a 4,096-token context of 16 sequences (1 thread), with the host's
 * continuous batch over it (on a clock the test moves) and, as the host gives a model under
 * {@link LlamaSession#LONE_CONTEXT_PARAMETERS}, a {@link LoneContext} for a completion generating alone (unless a test
 * asks for none); the events every completion sends are collected, and a failure fails the test.
 */
final class MicroBatchFixture implements AutoCloseable {

    final LlamaModel model;
    final LlamaContext ctx;
    /** The context for a completion generating alone, or null. */
    final LoneContext lone;
    final SequenceSlots slots;
    final ContinuousBatch running;
    /** Every event sent, in order ({@link #clearEvents} forgets them). */
    final List<HostEvent> events = new ArrayList<>();
    final ContinuousBatch.Replies replies = new ContinuousBatch.Replies() {
        @Override
        public void send(HostEvent event) {
            events.add(event);
        }

        @Override
        public void fail(long id, FailureKind kind, String message) {
            throw new AssertionError(message);
        }
    };
    private final LlamaBatch batch;
    private static final Path MICRO = Path.of("assets/models/micro-reasoner.gguf");

    MicroBatchFixture() {
        this(1);
    }

    /** @param threads the context's threads, for one-token decodes too */
    MicroBatchFixture(int threads) {
        this(MICRO, threads);
    }

    /**
     * The micro model with no {@link LoneContext}: everything decodes in the shared context, as for a model above
     * {@link LlamaSession#LONE_CONTEXT_PARAMETERS}.
     */
    static MicroBatchFixture sharedOnly(int threads) {
        return new MicroBatchFixture(MICRO, threads, false);
    }

    /** The same over another model file. */
    MicroBatchFixture(Path modelFile, int threads) {
        this(modelFile, threads, true);
    }

    /** @param loneContext false: no {@link LoneContext}, whatever the model (everything decodes in the shared one) */
    MicroBatchFixture(Path modelFile, int threads, boolean loneContext) {
        LlamaLibrary lib = LlamaLibrary.load();
        model = LlamaModel.load(lib, modelFile.toAbsolutePath(), null);
        ctx = LlamaContext.create(model, new LlamaContext.Settings(4096, 512, 16, threads));
        lone = loneContext && model.parameterCount() < LlamaSession.LONE_CONTEXT_PARAMETERS
                && !model.keepsRecurrentState() ? LoneContext.create(model, ctx.contextSize(), threads) : null;
        batch = new LlamaBatch(512);
        slots = new SequenceSlots(ctx.sequences());
        running = new ContinuousBatch(lib, ctx, lone, slots, batch, () -> nanoTime);
    }

    /** The batch's clock: it stands still unless a test moves it, so no idle sequence moves to memory by itself. */
    private long nanoTime;

    /** Moves the batch's clock on by {@code millis}. */
    void advance(long millis) {
        nanoTime += millis * 1_000_000;
    }

    /** The micro model's chat prompt for {@code question}, thinking opened. */
    int[] prompt(String question) {
        return model.vocab().tokenize("<|im_start|>user\n" + question + "<|im_end|>\n<|im_start|>assistant\n<think>\n",
                false, true);
    }

    /** Adds a completion and steps until nothing runs. */
    void runToEnd(long id, ContinuousBatch.Spec spec) {
        running.add(id, spec, replies);
        stepToEnd();
    }

    /** Steps until nothing runs. */
    void stepToEnd() {
        while (running.busy()) {
            running.step(x -> false);
        }
    }

    void clearEvents() {
        events.clear();
    }

    /** A completion run to its end: the text it sent and how it ended. */
    record Finished(String text, HostEvent.Done done) {
    }

    /** Forgets earlier events, runs a completion to its end and says what it sent; fails when it did not end. */
    Finished finish(long id, ContinuousBatch.Spec spec) {
        clearEvents();
        runToEnd(id, spec);
        HostEvent.Done done = null;
        for (HostEvent e : events) {
            if (e instanceof HostEvent.Done d && d.id() == id) {
                done = d;
            }
        }
        org.assertj.core.api.Assertions.assertThat(done).as("completion %d ended", id).isNotNull();
        return new Finished(textOf(id), done);
    }

    /** The text completion {@code id} sent, among the events collected. */
    String textOf(long id) {
        StringBuilder text = new StringBuilder();
        for (HostEvent e : events) {
            if (e instanceof HostEvent.Chunk c && c.id() == id) {
                text.append(c.text());
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        slots.clearAll();
        batch.close();
        if (lone != null) {
            lone.close();
        }
        ctx.close();
        model.close();
    }
}
