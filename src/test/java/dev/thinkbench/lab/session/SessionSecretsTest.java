package dev.thinkbench.lab.session;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.SecretScrubber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionSecretsTest {

    /** A key this test registers as the app registers every configured key. */
    static final String CANARY = "tb-canary-7Qx9LmZ2pW4vK8sR";

    @TempDir
    Path dir;

    /** A session where the key shows up everywhere a careless engine or user could put it. */
    static Session leaky() {
        SecretScrubber.register(CANARY);
        RunSetup setup = new RunSetup("My key is " + CANARY, "system " + CANARY, "openai-compat", "OpenAI",
                "model-" + CANARY, "http://127.0.0.1:1/v1?key=" + CANARY, "OPENAI_API_KEY", Sampling.defaults(),
                null, null);
        long ms = 1_000_000;
        List<ReasoningEvent> streamedKey = List.of(
                new ReasoningEvent.Started(0, "m", "none"),
                // the key arrives in three pieces, none of which is the key, each after its tokens' confidence
                confidence(ms, "the key is tb-canary-"),
                new ReasoningEvent.ThinkingDelta(ms, "the key is tb-canary-", 1),
                confidence(2 * ms, "7Qx9LmZ2"),
                new ReasoningEvent.ThinkingDelta(2 * ms, "7Qx9LmZ2", 1),
                confidence(3 * ms, "pW4vK8sR, do not tell"),
                new ReasoningEvent.ThinkingDelta(3 * ms, "pW4vK8sR, do not tell", 1),
                new ReasoningEvent.AnswerDelta(4 * ms, "Authorization: Bearer " + CANARY, 1),
                new ReasoningEvent.Failed(5 * ms, FailureKind.AUTHENTICATION, "HTTP 401: bad key " + CANARY));
        return new Session(Instant.EPOCH, "made with " + CANARY, setup,
                List.of(new RecordedColumn("col " + CANARY, "none", null, null, streamedKey),
                        RecordedColumn.skipped("other", "none", "needs " + CANARY)), null, null);
    }

    /** The built-in engine's confidence in {@code text}, one token per character. */
    private static ReasoningEvent confidence(long at, String text) {
        return new ReasoningEvent.TokenConfidence(at, true, text.chars()
                .mapToObj(c -> new dev.thinkbench.core.TokenProbability(String.valueOf((char) c), 0.5)).toList());
    }

    @Test
    void aRegisteredKeyNeverReachesASessionFile() throws IOException {
        Path file = dir.resolve("s.json");
        new SessionFile().write(file, leaky());

        String saved = Files.readString(file);
        assertThat(saved).doesNotContain(CANARY).doesNotContain("7Qx9LmZ2").contains(SecretScrubber.MASK)
                .contains("OPENAI_API_KEY");
        Session read = new SessionFile().read(file);
        assertThat(read.columns().getFirst().recorder().trace().thinking()).isEqualTo(
                "the key is " + SecretScrubber.MASK + ", do not tell");
        assertThat(read.columns().getFirst().events()).as("the confidence events spelled the key: none is kept")
                .noneMatch(e -> e instanceof ReasoningEvent.TokenConfidence);
    }

    @Test
    void aStepperStepWhoseTokensSpellAKeyIsSavedWithoutThem() throws IOException {
        SecretScrubber.register(CANARY);
        List<dev.thinkbench.core.TokenProbability> spelled = ("key " + CANARY).chars()
                .mapToObj(c -> new dev.thinkbench.core.TokenProbability(String.valueOf((char) c), 0.5)).toList();
        dev.thinkbench.forcing.StepRecord leaky = new dev.thinkbench.forcing.StepRecord(
                dev.thinkbench.forcing.StepRecord.Phase.THINKING, null, "", "key " + CANARY, spelled.size(), 64, null,
                null, null, "", 0, 1_000_000, spelled);
        dev.thinkbench.forcing.StepRecord plain = new dev.thinkbench.forcing.StepRecord(
                dev.thinkbench.forcing.StepRecord.Phase.THINKING, dev.thinkbench.core.InterventionKind.WAIT_INSERTED,
                "Wait", " fine", 1, 64, null, null, null, "", 2_000_000, 3_000_000,
                List.of(new dev.thinkbench.core.TokenProbability(" fine", 0.5)));
        dev.thinkbench.forcing.BranchView branch = new dev.thinkbench.forcing.BranchView(1, "branch 1", null, 0,
                dev.thinkbench.forcing.StepperState.PAUSED, "paused", List.of(leaky, plain),
                "key " + CANARY + "Wait fine", spelled.size() + 1, List.of(), List.of());
        Session session = new Session(Instant.EPOCH, "", SessionSamples.setup(), List.of(),
                new StepperRecord("q", "", "chatml-think", "", 1, List.of(branch)), null);
        Path file = dir.resolve("stepper.json");

        new SessionFile().write(file, session);

        assertThat(Files.readString(file)).doesNotContain(CANARY).doesNotContain("7Qx9LmZ2");
        List<dev.thinkbench.forcing.StepRecord> read = new SessionFile().read(file).stepper().branches().getFirst()
                .steps();
        assertThat(read.getFirst().confidence()).as("the key's step").isEmpty();
        assertThat(read.get(1).confidence()).as("a clean step keeps its tokens").hasSize(1);
    }
}
