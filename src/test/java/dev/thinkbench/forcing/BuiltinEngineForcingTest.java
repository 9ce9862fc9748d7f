package dev.thinkbench.forcing;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole forcing loop and the stepper on the built-in engine: a tiny GGUF run by llama.cpp in the host. */
@Timeout(120)
class BuiltinEngineForcingTest {

    @TempDir
    static Path dir;
    static LocalEngineProcess process;
    static LocalCompletionBackend backend;

    @BeforeAll
    static void start() throws Exception {
        process = new LocalEngineProcess();
        backend = new LocalCompletionBackend(process, TinyGguf.writeForChat(dir.resolve("chat.gguf")),
                new LocalEngineSettings(2, 1024));
    }

    @AfterAll
    static void stop() {
        process.close();
    }

    private static List<ReasoningEvent> run(Budget budget) throws Exception {
        List<ReasoningEvent> events = new CopyOnWriteArrayList<>();
        ForcingReasoningEngine engine = ForcingReasoningEngine.over(backend, ChatTemplates.CHATML_THINK);
        engine.start(new RunSpec("What is x?", "", backend.model(), budget, Sampling.greedy(1)), events::add)
                .done().get(60, TimeUnit.SECONDS);
        return events;
    }

    private static String text(List<ReasoningEvent> events, Class<? extends ReasoningEvent> kind) {
        StringBuilder sb = new StringBuilder();
        for (ReasoningEvent e : events) {
            if (kind.isInstance(e)) {
                sb.append(e instanceof ReasoningEvent.ThinkingDelta t ? t.text() : ((ReasoningEvent.AnswerDelta) e).text());
            }
        }
        return sb.toString();
    }

    @Test
    void forcingPlanInsertsWaitsUntilTheCapThenForcesTheAnswer() throws Exception {
        List<ReasoningEvent> events = run(new Budget.Forcing(ForcingPlan.of(40, 40, 10)));

        String thinking = text(events, ReasoningEvent.ThinkingDelta.class);
        int thinkingTokens = events.stream().filter(e -> e instanceof ReasoningEvent.ThinkingDelta)
                .mapToInt(e -> ((ReasoningEvent.ThinkingDelta) e).tokens()).sum();
        List<InterventionKind> interventions = events.stream().filter(e -> e instanceof ReasoningEvent.Intervention)
                .map(e -> ((ReasoningEvent.Intervention) e).kind()).toList();

        assertThat(events.getFirst()).isInstanceOf(ReasoningEvent.Started.class);
        assertThat(events.getLast()).isInstanceOf(ReasoningEvent.Finished.class);
        assertThat(thinking).startsWith("Let x=2. x=2. x=2.");
        assertThat(thinkingTokens).isEqualTo(40);
        assertThat(interventions).contains(InterventionKind.WAIT_INSERTED).endsWith(InterventionKind.ANSWER_FORCED);
        assertThat(text(events, ReasoningEvent.AnswerDelta.class)).contains("4");
    }

    @Test
    void promptTokensAreThePromptsTokenCountForEveryBudgetThoughTheEngineCacheIsShared() throws Exception {
        // the tiny model adds BOS, which the engine counts as llama-server does
        int promptSize = backend.tokenize(ChatTemplates.CHATML_THINK.prompt("", "What is x?")).length + 1;

        Usage manyWaits = usage(run(new Budget.Forcing(ForcingPlan.of(40, 40, 10))));
        Usage naturalEnd = usage(run(new Budget.Forcing(ForcingPlan.of(0, 100, 0))));
        Usage again = usage(run(new Budget.Forcing(ForcingPlan.of(40, 40, 10))));

        assertThat(List.of(manyWaits, naturalEnd, again)).extracting(Usage::promptTokens).containsOnly(promptSize);
    }

    private static Usage usage(List<ReasoningEvent> events) {
        return events.stream().filter(e -> e instanceof ReasoningEvent.UsageReported)
                .map(e -> ((ReasoningEvent.UsageReported) e).usage()).findFirst().orElseThrow();
    }

    @Test
    void naturalEndAboveTheMinimumIsAcceptedAndTheModelAnswers() throws Exception {
        List<ReasoningEvent> events = run(new Budget.Forcing(ForcingPlan.of(0, 100, 0)));

        assertThat(text(events, ReasoningEvent.ThinkingDelta.class)).isEqualTo("Let x=2.");
        assertThat(events).filteredOn(e -> e instanceof ReasoningEvent.Intervention)
                .extracting(e -> ((ReasoningEvent.Intervention) e).kind())
                .containsExactly(InterventionKind.END_ACCEPTED);
        assertThat(events.getLast()).isInstanceOf(ReasoningEvent.Finished.class);
    }

    @Test
    void thinkingOffForcesTheAnswerAtOnce() throws Exception {
        List<ReasoningEvent> events = run(new Budget.None());

        assertThat(text(events, ReasoningEvent.ThinkingDelta.class)).isEmpty();
        assertThat(text(events, ReasoningEvent.AnswerDelta.class)).contains("4");
    }

    @Test
    void stepperPausesWaitsAndForcesTheAnswerOnTheBuiltinEngine() throws Exception {
        List<StepperEvent> events = new CopyOnWriteArrayList<>();
        try (Stepper stepper = new Stepper(backend, ChatTemplates.CHATML_THINK, new StepperSettings(
                Sampling.greedy(1), 200, List.of("Wait"), "Final Answer:", 16), events::add)) {
            StepperSnapshot paused = stepper.start("", "What is x?").get(60, TimeUnit.SECONDS);
            StepperSnapshot waited = stepper.waitMore().get(60, TimeUnit.SECONDS);
            StepperSnapshot answered = stepper.forceAnswer().get(60, TimeUnit.SECONDS);

            assertThat(paused.state()).isEqualTo(StepperState.PAUSED);
            assertThat(paused.active().thinking()).isEqualTo("Let x=2.");
            // the engine reports the stop string's token too: how sure the model was that it was done
            assertThat(paused.reason()).matches("the model wants to stop thinking \\(9 tokens so far, [<>]?\\d+% sure\\)");
            assertThat(waited.active().thinking()).isEqualTo("Let x=2.Wait x=2.");
            assertThat(waited.active().thinkingSteps()).extracting(StepRecord::tokens).containsExactly(9, 6);
            assertThat(answered.active().answer()).contains("4");
            assertThat(answered.reason()).matches("answer written \\(forced; its least sure token at [<>]?\\d+%\\)");
        }
    }

    @Test
    void aForkedBranchAndTheBranchItLeftEachEvaluateOnlyTheirNewTokens() throws Exception {
        try (Stepper stepper = new Stepper(backend, ChatTemplates.CHATML_THINK, new StepperSettings(
                Sampling.greedy(1), 200, List.of("Wait"), "Final Answer:", 16), e -> { })) {
            stepper.start("", "What is x?").get(60, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                stepper.waitMore().get(60, TimeUnit.SECONDS);
            }
            String longTrace = stepper.snapshot().active().thinking();
            stepper.fork();
            stepper.edit("Let y=2.");
            StepperSnapshot forked = stepper.waitMore().get(60, TimeUnit.SECONDS);
            StepperSnapshot original = stepper.select(1);
            StepperSnapshot resumed = stepper.waitMore().get(60, TimeUnit.SECONDS);

            assertThat(longTrace).isEqualTo("Let x=2.Wait x=2.Wait x=2.Wait x=2.");
            assertThat(forked.active().thinking()).startsWith("Let y=2.Wait");
            assertThat(forked.active().thinkingSteps().getLast().promptTokensEvaluated())
                    .as("the shared prefix up to 'Let ' was copied: only 'y=2.Wait' was evaluated").isEqualTo(8);
            assertThat(original.active().thinking()).isEqualTo(longTrace);
            assertThat(resumed.active().thinkingSteps().getLast().promptTokensEvaluated())
                    .as("the original branch's trace stayed cached beside the fork (other runs of this class may have "
                            + "cached even more of it)").isBetween(1, 4);
        }
    }

    @Test
    void backendOffersTheModelsOwnTemplateWhenTheFileHasOne() throws Exception {
        assertThat(backend.chatTemplate()).isEmpty();
    }

    @Test
    void perModelChooserRunsAGgufWithTheJinjaTemplateItCarries() throws Exception {
        String chatml = "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
                + "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";
        Path withTemplate = dir.resolve("own-template.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAT_CHAIN, TinyGguf.LOOP), 42)
                .put("tokenizer.chat_template", chatml).write(withTemplate);
        try (LocalEngineProcess own = new LocalEngineProcess()) {
            LocalCompletionBackend jinjaBackend = new LocalCompletionBackend(own, withTemplate,
                    new LocalEngineSettings(2, 1024));
            // the fallback (s1) would lay the prompt out so this model never reaches its answer
            ForcingReasoningEngine engine = new ForcingReasoningEngine("builtin", "Built-in", model -> jinjaBackend,
                    TemplateChooser.perModel(ChatTemplates.S1, TemplateMarkers.THINK), true);
            List<ReasoningEvent> events = new CopyOnWriteArrayList<>();

            engine.start(new RunSpec("What is x?", "", "own-template.gguf",
                    new Budget.Forcing(ForcingPlan.of(0, 100, 0)), Sampling.greedy(1)), events::add)
                    .done().get(60, TimeUnit.SECONDS);

            assertThat(events.getLast()).isInstanceOf(ReasoningEvent.Finished.class);
            assertThat(text(events, ReasoningEvent.ThinkingDelta.class)).isEqualTo("Let x=2.");
            assertThat(text(events, ReasoningEvent.AnswerDelta.class)).contains("4");
        }
    }
}
