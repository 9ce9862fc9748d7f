package dev.thinkbench.forcing;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in engine (llama.cpp in its child JVM, tiny GGUF) becomes a ReasoningEngine through forcing. */
@Timeout(120)
class BuiltinForcingTest {

    @Test
    void aWaitBelowTheMinimumMakesTheTinyModelThinkAgainThenAnswer(@TempDir Path dir) throws Exception {
        Path model = TinyGguf.write(dir.resolve("tiny.gguf"));
        // The tiny model's greedy chain is "Let x=2.</think>A:4" after <think>, and " x=2.</think>" after "Wait".
        ChatTemplate template = new JinjaChatTemplate("tiny", "{% for m in messages %}<|im_start|>{{ m.role }}\n"
                + "{{ m.content }}<|im_end|>\n{% endfor %}<|im_start|>assistant\n",
                new TemplateMarkers("<think>", "</think>", "</think>", "<|im_end|>"));
        try (LocalEngineProcess process = new LocalEngineProcess()) {
            ForcingReasoningEngine engine = ForcingReasoningEngine.over(
                    new LocalCompletionBackend(process, model, new LocalEngineSettings(2, 1024)), template);
            RunRecorder recorder = new RunRecorder(Price.free("local"));

            engine.start(new RunSpec("What is x?", "", "tiny", BudgetSpec.parse("force:min=12,max=100,waits=1"),
                    Sampling.greedy(1)), recorder::accept).done().get(60, TimeUnit.SECONDS);

            assertThat(recorder.status()).as(String.valueOf(recorder.trace().error())).isEqualTo(RunStatus.OK);
            assertThat(recorder.trace().thinking()).isEqualTo("Let x=2.Wait x=2.");
            assertThat(recorder.interventions()).extracting(i -> i.kind())
                    .containsExactly(InterventionKind.WAIT_INSERTED, InterventionKind.END_ACCEPTED);
            assertThat(recorder.trace().answer()).isEqualTo("A:4");
            assertThat(recorder.metrics(0).thinkingTokens().value()).isEqualTo(15);
        }
    }

    @Test
    void theBuiltInEngineReportsHowSureTheModelWasOfEachThinkingAndAnswerToken(@TempDir Path dir) throws Exception {
        Path model = TinyGguf.write(dir.resolve("tiny.gguf"));
        ChatTemplate template = new JinjaChatTemplate("tiny", "{% for m in messages %}<|im_start|>{{ m.role }}\n"
                + "{{ m.content }}<|im_end|>\n{% endfor %}<|im_start|>assistant\n",
                new TemplateMarkers("<think>", "</think>", "</think>", "<|im_end|>"));
        try (LocalEngineProcess process = new LocalEngineProcess()) {
            ForcingReasoningEngine engine = ForcingReasoningEngine.over(
                    new LocalCompletionBackend(process, model, new LocalEngineSettings(2, 1024)), template);
            java.util.List<ReasoningEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

            engine.start(new RunSpec("What is x?", "", "tiny", BudgetSpec.parse("force:min=12,max=100,waits=1"),
                    Sampling.greedy(1)), events::add).done().get(60, TimeUnit.SECONDS);

            assertThat(engine.reportsTokenProbabilities("tiny")).isTrue();
            java.util.List<ReasoningEvent.TokenConfidence> sure = events.stream()
                    .filter(e -> e instanceof ReasoningEvent.TokenConfidence)
                    .map(e -> (ReasoningEvent.TokenConfidence) e).toList();
            String thinkingTokens = sure.stream().filter(ReasoningEvent.TokenConfidence::thinking)
                    .flatMap(t -> t.tokens().stream()).map(TokenProbability::text)
                    .collect(java.util.stream.Collectors.joining());
            String answerTokens = sure.stream().filter(t -> !t.thinking())
                    .flatMap(t -> t.tokens().stream()).map(TokenProbability::text)
                    .collect(java.util.stream.Collectors.joining());
            // The stop string's tokens are reported too; the forcer cut their text, the Wait is the forcer's own.
            assertThat(thinkingTokens).startsWith("Let x=2.").contains(" x=2.");
            assertThat(answerTokens).startsWith("A:4");
            assertThat(sure).flatExtracting(ReasoningEvent.TokenConfidence::tokens)
                    .allSatisfy(t -> assertThat(t.probability()).isBetween(0.0, 1.0));
            // where the model hesitated, the tokens it nearly chose; greedy took the likeliest, so none beats it
            java.util.List<TokenProbability> all = sure.stream().flatMap(t -> t.tokens().stream()).toList();
            // the tiny model is sure of its whole chain (the micro model's hesitations: the test below)
            assertThat(all).allSatisfy(t -> assertThat(t.alternatives()).isEmpty());
            // Each token's probabilities come before its text.
            int firstConfidence = events.indexOf(sure.getFirst());
            int firstThinking = events.indexOf(events.stream()
                    .filter(e -> e instanceof ReasoningEvent.ThinkingDelta).findFirst().orElseThrow());
            assertThat(firstConfidence).isLessThan(firstThinking);
        }
    }

    @Test
    void whereTheMicroModelHesitatesTheEngineReportsTheTokensItNearlyChose() throws Exception {
        Path micro = Path.of("assets/models/micro-reasoner.gguf").toAbsolutePath();
        try (LocalEngineProcess process = new LocalEngineProcess()) {
            ForcingReasoningEngine engine = ForcingReasoningEngine.over(
                    new LocalCompletionBackend(process, micro, new LocalEngineSettings(2, 1024)),
                    ChatTemplates.CHATML_THINK);
            java.util.List<TokenProbability> tokens = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (var problem : dev.thinkbench.core.problemset.MicroProblems.heldOut(6)) {
                engine.start(new RunSpec(problem.prompt(), "", "micro", BudgetSpec.parse("tokens:64"),
                        Sampling.greedy(1)), e -> {
                            if (e instanceof ReasoningEvent.TokenConfidence c) {
                                tokens.addAll(c.tokens());
                            }
                        }).done().get(60, TimeUnit.SECONDS);
            }

            assertThat(tokens).filteredOn(t -> t.probability() >= TokenProbability.ALTERNATIVES_BELOW).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.alternatives()).isEmpty());
            // greedy took the likeliest token, so none of those it nearly chose beats it, and it is not among them
            assertThat(tokens).filteredOn(t -> t.probability() < TokenProbability.ALTERNATIVES_BELOW).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.alternatives()).hasSize(TokenProbability.MAX_ALTERNATIVES)
                            .allSatisfy(a -> assertThat(a.probability()).isLessThanOrEqualTo(t.probability() + 1e-6)
                                    .isPositive())
                            .extracting(TokenProbability.Alternative::text).doesNotContain(t.text()));
        }
    }
}
