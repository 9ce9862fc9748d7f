package dev.thinkbench.engine.local.host;

import dev.thinkbench.engine.TokenLogprob;
import dev.thinkbench.engine.local.llama.LlamaSampler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A completion generating alone on a tiny model decodes in the {@link LoneContext}: the same tokens and probabilities
 * as in the shared context, its trace back in the shared cache when it ends or is cancelled (a Wait step after it
 * evaluates only its own tokens), and back there as soon as another completion arrives, which then runs beside it.
 */
class ContinuousBatchLoneTest {

    /** Six steps: the micro model thinks about 100 tokens over it. */
    private static final String QUESTION = "Ann has 33 books. She loses 18. She finds 24 more. She doubles them. She "
            + "keeps half. She doubles them. She buys 18 more. How many books does Ann have now?";
    private static final String OTHER = "Bob has 5 pens. He finds 2 more pens. He loses 4 pens. How many pens does "
            + "Bob have now?";

    @Test
    void aLoneCompletionWritesWhatTheSharedContextWritesWithTheSameProbabilities() {
        try (MicroBatchFixture lone = new MicroBatchFixture(); MicroBatchFixture shared = MicroBatchFixture.sharedOnly(1)) {
            assertThat(lone.lone).as("the micro model gets a lone context").isNotNull();
            ContinuousBatch.Spec spec = new ContinuousBatch.Spec(lone.prompt(QUESTION), 120, List.of(),
                    LlamaSampler.Settings.greedy(), 3, true, true);
            MicroBatchFixture.Finished inLone = lone.finish(1, spec);
            List<TokenLogprob> loneProbabilities = probabilities(lone, 1);
            MicroBatchFixture.Finished inShared = shared.finish(1, spec);
            List<TokenLogprob> sharedProbabilities = probabilities(shared, 1);

            assertThat(lone.running.aloneSteps()).as("decoded alone").isGreaterThan(inLone.done().tokens() / 2L);
            assertThat(shared.running.aloneSteps()).isZero();
            assertThat(inLone.text()).isNotEmpty().isEqualTo(inShared.text());
            assertThat(inLone.done().tokens()).isEqualTo(inShared.done().tokens());
            assertThat(loneProbabilities).hasSameSizeAs(sharedProbabilities).hasSize(inLone.done().tokens());
            for (int i = 0; i < loneProbabilities.size(); i++) {
                TokenLogprob a = loneProbabilities.get(i);
                TokenLogprob b = sharedProbabilities.get(i);
                assertThat(a.token()).isEqualTo(b.token());
                assertThat(a.logprob()).as("token %d", i).isCloseTo(b.logprob(), within(1e-3));
                assertThat(a.top().stream().map(TokenLogprob.Alternative::token).toList())
                        .isEqualTo(b.top().stream().map(TokenLogprob.Alternative::token).toList());
            }
        }
    }

    @Test
    void aWaitStepAfterALoneCompletionEvaluatesOnlyItsOwnTokensAndWritesWhatTheSharedContextWrites() {
        try (MicroBatchFixture f = new MicroBatchFixture(); MicroBatchFixture shared = MicroBatchFixture.sharedOnly(1)) {
            int[] prompt = f.prompt(QUESTION);
            f.finish(1, greedy(prompt, 80));
            assertThat(f.running.aloneSteps()).isPositive();
            int[] trace = trace(f, prompt);
            assertThat(trace.length).as("its trace is cached").isGreaterThan(prompt.length + 40);

            int[] wait = concat(trace, f.model.vocab().tokenize("\nWait,", false, false));
            MicroBatchFixture.Finished next = f.finish(2, greedy(wait, 40));
            assertThat(next.done().promptTokensEvaluated()).as("only the Wait tokens")
                    .isEqualTo(wait.length - trace.length);
            assertThat(next.text()).as("on the trace's cells, back in the shared cache")
                    .isEqualTo(shared.finish(2, greedy(wait, 40)).text());
        }
    }

    @Test
    void aCompletionArrivingWhileOneRunsAloneBringsItBackAndEachWritesWhatItWouldAlone() {
        String first;
        String second;
        try (MicroBatchFixture shared = MicroBatchFixture.sharedOnly(1)) {
            first = shared.finish(1, greedy(shared.prompt(QUESTION), 160)).text();
            second = shared.finish(2, greedy(shared.prompt(OTHER), 60)).text();
        }
        try (MicroBatchFixture f = new MicroBatchFixture()) {
            f.running.add(1, greedy(f.prompt(QUESTION), 160), f.replies);
            for (int i = 0; i < 1_000 && f.running.aloneSteps() < 20; i++) {
                f.running.step(id -> false);
            }
            assertThat(f.running.aloneSteps()).as("the first runs alone").isEqualTo(20);
            long before = f.running.steps();
            f.running.add(2, greedy(f.prompt(OTHER), 60), f.replies);
            f.running.step(id -> false);
            assertThat(f.running.aloneSteps()).as("the next step is a shared one, both in it").isEqualTo(20);
            assertThat(f.running.steps()).isEqualTo(before + 1);
            f.stepToEnd();

            assertThat(f.textOf(1)).isEqualTo(first);
            assertThat(f.textOf(2)).isEqualTo(second);
        }
    }

    @Test
    void aCancelledLoneCompletionKeepsItsTraceForTheNextStep() {
        try (MicroBatchFixture f = new MicroBatchFixture()) {
            int[] prompt = f.prompt(QUESTION);
            f.running.add(1, greedy(prompt, 200), f.replies);
            for (int i = 0; i < 1_000 && f.running.aloneSteps() < 10; i++) {
                f.running.step(id -> false);
            }
            assertThat(f.running.aloneSteps()).isEqualTo(10);
            f.running.step(id -> id == 1);
            assertThat(f.running.busy()).isFalse();
            assertThat(f.events).anyMatch(e -> e instanceof HostEvent.Done d && d.stop().equals("CANCELLED"));
            int[] trace = trace(f, prompt);
            assertThat(trace.length).as("what it decoded, still cached").isEqualTo(prompt.length + 10);

            int[] next = concat(trace, f.model.vocab().tokenize("\nWait,", false, false));
            MicroBatchFixture.Finished after = f.finish(2, greedy(next, 40));
            assertThat(after.done().promptTokensEvaluated()).isEqualTo(next.length - trace.length);
            try (MicroBatchFixture shared = MicroBatchFixture.sharedOnly(1)) {
                assertThat(after.text()).isEqualTo(shared.finish(2, greedy(next, 40)).text());
            }
        }
    }

    private static ContinuousBatch.Spec greedy(int[] prompt, int cap) {
        return new ContinuousBatch.Spec(prompt, cap, List.of(), LlamaSampler.Settings.greedy(), 0, true, true);
    }

    /** The longest cached trace that starts with {@code prompt}. */
    private static int[] trace(MicroBatchFixture f, int[] prompt) {
        return IntStream.range(0, f.slots.size()).mapToObj(f.slots::tokens)
                .filter(t -> t.length >= prompt.length && Arrays.equals(t, 0, prompt.length, prompt, 0, prompt.length))
                .max((a, b) -> Integer.compare(a.length, b.length)).orElseThrow();
    }

    private static int[] concat(int[] a, int[] b) {
        int[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static List<TokenLogprob> probabilities(MicroBatchFixture f, long id) {
        List<TokenLogprob> all = new ArrayList<>();
        for (HostEvent e : f.events) {
            if (e instanceof HostEvent.Chunk c && c.id() == id && c.logprobs() != null) {
                all.addAll(c.logprobs());
            }
        }
        return all;
    }
}
