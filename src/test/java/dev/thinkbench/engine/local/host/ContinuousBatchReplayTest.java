package dev.thinkbench.engine.local.host;

import dev.thinkbench.engine.TokenLogprob;
import dev.thinkbench.engine.local.llama.LlamaSampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Greedy picks a sequence holds are replayed, not decoded again, for completions that ask for it (a sweep's): a
 * longer budget of a problem takes the thinking a shorter one generated and decodes only what comes after it, with
 * the same text and probabilities as decoding it all; stop strings and caps still apply to replayed tokens; sampled
 * (non-greedy) text is never replayed, and a completion that does not ask generates every token.
 */
class ContinuousBatchReplayTest {

    private static final String QUESTION = "Mark has 173 dollars. He pays 49 dollars for a plant. How many dollars "
            + "does Mark have now?";

    private MicroBatchFixture f;

    @BeforeEach
    void load() {
        f = new MicroBatchFixture();
    }

    @AfterEach
    void free() {
        f.close();
    }

    @Test
    void aLongerBudgetReplaysTheShorterOnesThinkingAndDecodesOnlyWhatFollows() {
        int[] prompt = prompt();
        Finished small = run(1, prompt, 12, List.of(), LlamaSampler.Settings.greedy(), 1, true);
        Finished large = run(2, prompt, 40, List.of(), LlamaSampler.Settings.greedy(), 1, true);
        Finished fresh = run(3, prompt, 40, List.of(), LlamaSampler.Settings.greedy(), 1, false);

        assertThat(fresh.text()).hasSizeGreaterThan(small.text().length());
        assertThat(fresh.text()).startsWith(small.text());
        assertThat(large.text()).as("the same text as decoding it all").isEqualTo(fresh.text());
        assertThat(large.done().tokens()).isEqualTo(fresh.done().tokens());
        assertThat(large.done().promptTokensEvaluated()).as("nothing of the prompt evaluated again").isZero();
        assertThat(large.done().decodeSteps()).as("decoded: the tokens after the 11 the small budget evaluated (its "
                + "12th was picked, never evaluated)").isEqualTo(fresh.done().tokens() - 11);
        assertThat(large.logprobs()).hasSameSizeAs(fresh.logprobs());
        for (int i = 0; i < fresh.logprobs().size(); i++) {
            TokenLogprob a = fresh.logprobs().get(i);
            TokenLogprob b = large.logprobs().get(i);
            assertThat(b.token()).isEqualTo(a.token());
            assertThat(b.logprob()).as("token %d's probability", i).isCloseTo(a.logprob(), within(1e-3));
        }
    }

    @Test
    void aCapOrAStopStringInsideTheReplayedTokensEndsTheCompletionThere() {
        int[] prompt = prompt();
        Finished fresh = run(1, prompt, 30, List.of(), LlamaSampler.Settings.greedy(), 0, false);
        run(2, prompt, 30, List.of(), LlamaSampler.Settings.greedy(), 0, true);

        Finished capped = run(3, prompt, 7, List.of(), LlamaSampler.Settings.greedy(), 0, true);
        assertThat(capped.done().stop()).isEqualTo("LENGTH");
        assertThat(capped.done().decodeSteps()).as("all of it replayed").isZero();
        assertThat(capped.text()).isEqualTo(firstTokensOf(fresh, 7));

        String stop = fresh.text().substring(10, 12);
        int at = fresh.text().indexOf(stop);
        Finished stopped = run(4, prompt, 30, List.of(stop), LlamaSampler.Settings.greedy(), 0, true);
        assertThat(stopped.done().stop()).isEqualTo("STOP_STRING");
        assertThat(stopped.done().decodeSteps()).isZero();
        assertThat(stopped.text()).isEqualTo(fresh.text().substring(0, at));
    }

    @Test
    void aCompletionThatDoesNotAskForItDecodesEveryToken() {
        int[] prompt = prompt();
        run(1, prompt, 12, List.of(), LlamaSampler.Settings.greedy(), 0, true);
        HostEvent.Done done = finish(2, new ContinuousBatch.Spec(prompt, 40, List.of(), LlamaSampler.Settings.greedy(),
                0, true, false)).done();
        assertThat(done.promptTokensEvaluated()).as("the prompt still comes from the cache").isEqualTo(1);
        assertThat(done.decodeSteps()).as("a run someone watches generates every token it shows")
                .isEqualTo(done.tokens());
    }

    @Test
    void sampledTextIsNeverReplayed() {
        int[] prompt = prompt();
        LlamaSampler.Settings warm = new LlamaSampler.Settings(0.8, 0, 1, 0, 7);
        run(1, prompt, 20, List.of(), warm, 0, true);
        Finished greedy = run(2, prompt, 20, List.of(), LlamaSampler.Settings.greedy(), 0, true);
        assertThat(greedy.done().decodeSteps()).as("every token decoded").isEqualTo(greedy.done().tokens());
        Finished again = run(3, prompt, 20, List.of(), warm, 0, true);
        assertThat(again.done().decodeSteps()).as("a sampled completion decodes every token")
                .isEqualTo(again.done().tokens());
    }

    private record Finished(String text, HostEvent.Done done, List<TokenLogprob> logprobs) {
    }

    /** A completion that, with the cache, may replay greedy picks too. */
    private Finished run(long id, int[] prompt, int cap, List<String> stop, LlamaSampler.Settings sampling, int top,
                         boolean cache) {
        return finish(id, new ContinuousBatch.Spec(prompt, cap, stop, sampling, top, cache, cache));
    }

    private Finished finish(long id, ContinuousBatch.Spec spec) {
        f.clearEvents();
        f.runToEnd(id, spec);
        StringBuilder text = new StringBuilder();
        List<TokenLogprob> logprobs = new ArrayList<>();
        HostEvent.Done done = null;
        for (HostEvent e : f.events) {
            if (e instanceof HostEvent.Chunk c) {
                text.append(c.text());
                if (c.logprobs() != null) {
                    logprobs.addAll(c.logprobs());
                }
            } else if (e instanceof HostEvent.Done d) {
                done = d;
            }
        }
        assertThat(done).as("completion %d ended", id).isNotNull();
        return new Finished(text.toString(), done, logprobs);
    }

    /** The micro model writes one character per token. */
    private static String firstTokensOf(Finished f, int n) {
        return f.text().substring(0, n);
    }

    private int[] prompt() {
        return f.prompt(QUESTION);
    }
}
