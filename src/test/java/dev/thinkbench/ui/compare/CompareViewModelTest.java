package dev.thinkbench.ui.compare;

import dev.thinkbench.ui.text.TextStreamListener;

import dev.thinkbench.ui.text.TextChunk;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.core.Price;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.ScriptedTestEngine.Script;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The Compare tab's view model, driven frame by frame without a toolkit. */
class CompareViewModelTest {

    private static final List<String> THINK = List.of("Let ", "me ", "add.\n", "1 + 1 = 2.");
    private static final List<String> ANSWER = List.of("The ", "answer ", "is 2.");

    private CompareViewModel model(Function<RunSpec, Script> scripts) {
        ScriptedTestEngine engine = new ScriptedTestEngine("scripted", scripts, List.of(new ModelInfo("m1", "")));
        WorkbenchServices services = WorkbenchFixture.services("scripted", "Scripted", engine);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(),
                new WorkbenchFixture.SameThreadTasks(), name -> null);
        connection.refreshModels();
        PromptViewModel prompt = new PromptViewModel(services.samples());
        return new CompareViewModel(connection, prompt, services.presets(), PriceTable.empty());
    }

    /** A view model over an engine that lists no models (its list fails: "not reachable") and has no presets. */
    private static CompareViewModel withoutModelsOrPresets(String id, String name) {
        ScriptedTestEngine engine = new ScriptedTestEngine(id, spec -> Script.of(THINK, ANSWER), List.of());
        WorkbenchServices services = WorkbenchFixture.services(id, name, engine);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(),
                new WorkbenchFixture.SameThreadTasks(), n -> null);
        return new CompareViewModel(connection, new PromptViewModel(List.of()), new BudgetPresets(Map.of()),
                PriceTable.empty());
    }

    /** Ticks like frames until no column runs (bounded), returning the number of frames. */
    private static int runToEnd(CompareViewModel vm) throws InterruptedException {
        long now = 0;
        for (int frame = 1; frame <= 2000; frame++) {
            now += 16_000_000L;
            vm.tick(now);
            if (!vm.runningProperty().get()) {
                return frame;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the comparison did not end within 2000 frames");
    }

    /**
     * What each column's budget means follows the engine kind, model and the column's own budget, also while the
     * engine is not set up (no key): never the words of the engine or preset the column came from.
     */
    @Test
    void aColumnsBudgetWordsFollowTheEngineKindModelAndItsOwnBudget() {
        boolean[] anthropicKey = {true};
        ScriptedTestEngine anthropic = new ScriptedTestEngine("anthropic", spec -> Script.of(THINK, ANSWER),
                List.of(new ModelInfo("claude-opus-4-7", "")));
        ScriptedTestEngine local = new ScriptedTestEngine("builtin", spec -> Script.of(THINK, ANSWER),
                List.of(new ModelInfo("micro", "")));
        dev.thinkbench.engine.EngineRegistry registry = new dev.thinkbench.engine.EngineRegistry()
                .register(new dev.thinkbench.engine.EngineRegistry.Entry("anthropic", "Anthropic", "http://127.0.0.1:1",
                        config -> {
                            if (!anthropicKey[0]) {
                                throw new dev.thinkbench.engine.MissingKeyException("Anthropic", "ANTHROPIC_API_KEY");
                            }
                            return anthropic;
                        }))
                .register(new dev.thinkbench.engine.EngineRegistry.Entry("openai", "OpenAI", "http://127.0.0.1:2",
                        config -> {
                            throw new dev.thinkbench.engine.MissingKeyException("OpenAI", "OPENAI_API_KEY");
                        }))
                .register(new dev.thinkbench.engine.EngineRegistry.Entry("deepseek", "DeepSeek", "http://127.0.0.1:3",
                        config -> {
                            throw new dev.thinkbench.engine.MissingKeyException("DeepSeek", "DEEPSEEK_API_KEY");
                        }))
                .register(new dev.thinkbench.engine.EngineRegistry.Entry("builtin", "Built-in", null,
                        config -> local));
        BudgetPresets presets = new BudgetPresets(Map.of(
                "anthropic", List.of(new BudgetPresets.Preset("small", budget("effort:low"),
                        "adaptive thinking, effort low")),
                "openai", List.of(new BudgetPresets.Preset("small", budget("effort:low"), "reasoning.effort=low")),
                "deepseek", List.of(new BudgetPresets.Preset("small", budget("effort:low"),
                        "thinking.type=enabled, reasoning_effort=low")),
                "builtin", List.of(new BudgetPresets.Preset("small", budget("force:min=0,max=256,waits=0"),
                        "at most 256 thinking tokens, then end marker + \"Final Answer:\" are appended"))));
        ConnectionViewModel connection = new ConnectionViewModel(registry, new WorkbenchFixture.SameThreadTasks(),
                n -> null);
        CompareViewModel vm = new CompareViewModel(connection, new PromptViewModel(List.of()), presets,
                PriceTable.empty());
        ColumnViewModel column = vm.columns().getFirst();
        assertThat(column.budgetTextProperty().get()).isEqualTo("effort:low");
        assertThat(column.meaningProperty().get()).as("the engine's own words").isEqualTo("scripted effort:low");

        anthropicKey[0] = false;
        connection.engineEntryProperty().set(registry.get("openai"));
        assertThat(connection.engineProperty().get()).as("no key: no engine").isNull();
        assertThat(column.meaningProperty().get()).as("OpenAI's words, not Anthropic Opus's")
                .isEqualTo("reasoning.effort=low");

        connection.engineEntryProperty().set(registry.get("deepseek"));
        assertThat(column.meaningProperty().get()).isEqualTo("thinking.type=enabled, reasoning_effort=low");
        column.budgetTextProperty().set("tokens:1024");
        assertThat(column.meaningProperty().get()).as("no preset means tokens:1024 on DeepSeek: no words")
                .isEmpty();

        connection.engineEntryProperty().set(registry.get("builtin"));
        ColumnViewModel forcing = vm.columns().getFirst();
        assertThat(forcing.budgetTextProperty().get()).as("the built-in engine's presets")
                .startsWith("force:min=0,max=256,waits=0");
        connection.engineEntryProperty().set(registry.get("anthropic"));
        assertThat(connection.engineProperty().get()).isNull();
        assertThat(vm.columns().getFirst()).isSameAs(forcing);
        assertThat(forcing.meaningProperty().get()).as("not the built-in engine's forcing words").isEmpty();
        forcing.budgetTextProperty().set("effort:low");
        assertThat(forcing.meaningProperty().get()).as("the budget typed, on the engine chosen")
                .isEqualTo("adaptive thinking, effort low");
    }

    private static Budget budget(String spec) {
        return dev.thinkbench.core.BudgetSpec.parse(spec);
    }

    @Test
    void anEngineThatSetsItsOwnTemperatureWhileThinkingSaysSoQuietlyBesideTheField() {
        ScriptedTestEngine plain = new ScriptedTestEngine("plain", spec -> Script.of(THINK, ANSWER),
                List.of(new ModelInfo("m1", "")));
        ScriptedTestEngine own = new ScriptedTestEngine("own", spec -> Script.of(THINK, ANSWER),
                List.of(new ModelInfo("m2", ""))).withCapabilities(new dev.thinkbench.engine.EngineCapabilities(
                java.util.Set.of(Budget.Kind.NONE, Budget.Kind.TOKENS), List.of(), true, false, false, false));
        dev.thinkbench.engine.EngineRegistry registry = new dev.thinkbench.engine.EngineRegistry()
                .register(new dev.thinkbench.engine.EngineRegistry.Entry("plain", "Plain", "http://127.0.0.1:1",
                        config -> plain))
                .register(new dev.thinkbench.engine.EngineRegistry.Entry("own", "Own", "http://127.0.0.1:2",
                        config -> own));
        WorkbenchServices services = WorkbenchFixture.services(registry, new BudgetPresets(Map.of()));
        ConnectionViewModel connection = new ConnectionViewModel(registry, new WorkbenchFixture.SameThreadTasks(),
                name -> null);
        PromptViewModel prompt = new PromptViewModel(services.samples());
        new CompareViewModel(connection, prompt, services.presets(), PriceTable.empty());
        prompt.temperatureProperty().set("0");
        assertThat(prompt.temperatureNoteProperty().get()).isEmpty();

        connection.engineEntryProperty().set(connection.engines().getLast());

        assertThat(prompt.temperatureNoteProperty().get()).isEqualTo("Scripted test engine sets its own temperature "
                + "while thinking: this one is used only by columns without thinking (budget none)");
        assertThat(prompt.temperatureErrorProperty().get()).as("a note, not an error").isEmpty();
        assertThat(prompt.samplingValid()).isTrue();
        connection.engineEntryProperty().set(connection.engines().getFirst());
        assertThat(prompt.temperatureNoteProperty().get()).isEmpty();
    }

    @Test
    void aBudgetTheModelRefusesKeepsItsPresetsOnOffer() {
        ScriptedTestEngine tokensOnly = new ScriptedTestEngine("tokens", spec -> Script.of(THINK, ANSWER),
                List.of(new ModelInfo("m1", ""))).withCapabilities(new dev.thinkbench.engine.EngineCapabilities(
                java.util.Set.of(Budget.Kind.NONE, Budget.Kind.TOKENS), List.of(), true, false, false, false));
        WorkbenchServices services = WorkbenchFixture.services("tokens", "Tokens", tokensOnly);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(),
                new WorkbenchFixture.SameThreadTasks(), name -> null);
        connection.refreshModels();
        CompareViewModel vm = new CompareViewModel(connection, new PromptViewModel(services.samples()),
                services.presets(), PriceTable.empty());
        assertThat(vm.budgetsRefusedProperty().get()).as("the fixture's presets hold effort levels").isTrue();
        vm.columns().forEach(c -> c.budgetTextProperty().set("tokens:64"));
        assertThat(vm.budgetsRefusedProperty().get()).isFalse();

        vm.columns().getFirst().budgetTextProperty().set("effort:low");
        assertThat(vm.columns().getFirst().unsupportedProperty().get()).isNotEmpty();
        assertThat(vm.budgetsRefusedProperty().get()).as("the presets stay on offer, run or not").isTrue();

        vm.columns().getFirst().budgetTextProperty().set("tokens:64");
        assertThat(vm.budgetsRefusedProperty().get()).isFalse();
    }

    /**
     * An effort level on Claude Sonnet 4.5 (manual thinking only) is flagged as it is typed, in the words its run would
     * have failed with, and again whenever the model changes; the check asks the server nothing.
     */
    @Test
    void aBudgetTheChosenModelRefusesIsFlaggedBeforeRunAndFollowsTheModel() {
        String key = dev.thinkbench.testing.FakeKeys.of("sk-ant", "test-7c1e9a0b2d");
        String sonnet = "claude-sonnet-4-5";
        String opus = "claude-opus-4-7";
        try (dev.thinkbench.testing.HostedApiTestServer server = dev.thinkbench.testing.HostedApiTestServer.anthropic()) {
            server.models(opus, sonnet).requireKey(key);
            dev.thinkbench.engine.ReasoningEngine anthropic = new dev.thinkbench.engine.hosted.anthropic.AnthropicEngine(
                    new dev.thinkbench.engine.EngineConfig("anthropic", server.baseUrl(), key,
                            java.time.Duration.ofSeconds(10), "ANTHROPIC_API_KEY"),
                    dev.thinkbench.engine.hosted.HostedAssets.models());
            WorkbenchServices services = WorkbenchFixture.services(new dev.thinkbench.engine.EngineRegistry()
                    .register(new dev.thinkbench.engine.EngineRegistry.Entry("anthropic", "Anthropic",
                            server.baseUrl().toString(), config -> anthropic)),
                    new BudgetPresets(Map.of("anthropic", List.of(
                            new BudgetPresets.Preset("small", budget("effort:low"), "adaptive thinking, effort low"),
                            new BudgetPresets.Preset("large", budget("effort:high"),
                                    "adaptive thinking, effort high")))));
            ConnectionViewModel connection = new ConnectionViewModel(services.engines(),
                    new WorkbenchFixture.SameThreadTasks(), name -> null);
            connection.refreshModels();
            CompareViewModel vm = new CompareViewModel(connection, new PromptViewModel(services.samples()),
                    services.presets(), PriceTable.empty());
            vm.prompt().promptProperty().set("GCD of 1071 and 462?");
            connection.modelProperty().set(opus);
            int asked = server.requests().size();
            ColumnViewModel low = vm.columns().getFirst();
            ColumnViewModel high = vm.columns().getLast();
            assertThat(vm.columns()).allSatisfy(c -> assertThat(c.isRunnable()).isTrue());
            assertThat(vm.budgetsRefusedProperty().get()).isFalse();

            connection.modelProperty().set(sonnet);

            assertThat(vm.columns()).as("the same columns, checked again").containsExactly(low, high);
            String refusal = "Claude Sonnet 4.5 takes no effort levels (manual thinking: budget_tokens from 1,024, "
                    + "below max_tokens; no effort levels); use tokens:N (N from 1,024 to 63,999) or none.";
            assertThat(high.unsupportedProperty().get()).isEqualTo(refusal);
            assertThat(high.refusedByModelProperty().get()).as("the model's refusal, said as such").isTrue();
            assertThat(high.isRunnable()).isFalse();
            assertThat(low.isRunnable()).isFalse();
            assertThat(vm.budgetsRefusedProperty().get()).as("this model's presets on offer").isTrue();
            assertThat(vm.canRunProperty().get()).isFalse();
            assertThat(vm.runHintProperty().get()).isEqualTo("No column has a budget this engine can run");

            low.budgetTextProperty().set("tokens:512");
            assertThat(low.unsupportedProperty().get()).as("flagged as typed")
                    .contains("1,024 to 63,999 tokens, not 512");
            low.budgetTextProperty().set("tokens:2048");
            assertThat(low.isRunnable()).isTrue();
            assertThat(low.unsupportedProperty().get()).isEmpty();
            assertThat(vm.canRunProperty().get()).isTrue();
            assertThat(vm.budgetsRefusedProperty().get()).as("one column still refused").isTrue();

            connection.modelProperty().set(opus);
            assertThat(high.isRunnable()).isTrue();
            assertThat(low.unsupportedProperty().get()).contains("Claude Opus 4.7 takes no thinking-token budget");
            connection.modelProperty().set(sonnet);
            assertThat(server.requests()).as("no check asked the server").hasSize(asked);

            vm.run();
            assertThat(high.live().stateProperty().get()).isEqualTo(ColumnState.SKIPPED);
            assertThat(high.live().statusTextProperty().get()).as("the same words after Run").contains(refusal);
            vm.cancelAll();
        }
    }

    @Test
    void pricedAsHasNothingToPriceOnAnEngineThatBillsItsRuns() {
        for (Price billed : java.util.Arrays.asList(new Price("m1", java.math.BigDecimal.ONE, java.math.BigDecimal.TEN,
                "USD", "test", "2026-12-05"), null)) {
            ScriptedTestEngine hosted = new ScriptedTestEngine("hosted", spec -> Script.of(THINK, ANSWER),
                    List.of(new ModelInfo("m1", ""))).pricedAt(billed);
            WorkbenchServices services = WorkbenchFixture.services("hosted", "Hosted", hosted);
            ConnectionViewModel connection = new ConnectionViewModel(services.engines(),
                    new WorkbenchFixture.SameThreadTasks(), name -> null);
            connection.refreshModels();
            CompareViewModel vm = new CompareViewModel(connection, new PromptViewModel(services.samples()),
                    services.presets(), PriceTable.empty());
            assertThat(vm.pricedByEngineProperty().get()).as("billed at %s", billed).isTrue();
        }
        assertThat(model(spec -> Script.of(THINK, ANSWER)).pricedByEngineProperty().get()).as("free here").isFalse();
    }

    @Test
    void columnsStartAsTheEnginePresets() {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER));

        assertThat(vm.columns()).extracting(c -> c.toSetting())
                .containsExactly("small=none", "medium=effort:low", "large=effort:high");
        assertThat(vm.columns()).allSatisfy(c -> assertThat(c.meaningProperty().get()).startsWith("scripted "));
    }

    @Test
    void runIsBlockedWithAReasonUntilThereIsAPrompt() {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER));

        assertThat(vm.canRunProperty().get()).isFalse();
        assertThat(vm.runHintProperty().get()).isEqualTo("Write a prompt or pick a sample to run");

        vm.prompt().promptProperty().set("1 + 1 = ?");

        assertThat(vm.canRunProperty().get()).isTrue();
        assertThat(vm.runHintProperty().get()).isEmpty();
    }

    @Test
    void aBadBudgetOrSamplingBlocksRunAndSaysWhere() {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER));
        vm.prompt().promptProperty().set("1 + 1 = ?");

        vm.columns().get(1).budgetTextProperty().set("effort:extreme");
        assertThat(vm.runHintProperty().get()).startsWith("Fix the budget of column 2: ")
                .endsWith(vm.columns().get(1).budgetErrorProperty().get());
        assertThat(vm.columns().get(1).budgetErrorProperty().get()).contains("unknown effort level 'extreme'");


        vm.columns().get(1).budgetTextProperty().set("effort:low");
        vm.prompt().temperatureProperty().set("hot");
        assertThat(vm.runHintProperty().get()).isEqualTo("Fix the sampling settings");
        assertThat(vm.canRunProperty().get()).isFalse();
    }

    @Test
    void everyColumnStreamsItsTextInBatchesAndEndsWithAllOfIt() throws InterruptedException {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER).reporting(new Usage(9, 7, 4)));
        vm.prompt().promptProperty().set("1 + 1 = ?");
        List<StringBuilder> thinking = new ArrayList<>();
        List<Integer> batches = new ArrayList<>(List.of(0, 0, 0));
        for (int i = 0; i < 3; i++) {
            StringBuilder b = new StringBuilder();
            thinking.add(b);
            int index = i;
            vm.columns().get(i).live().addListener(new TextStreamListener() {
                @Override
                public void append(List<TextChunk> chunks) {
                    batches.set(index, batches.get(index) + 1);
                    chunks.stream().filter(c -> c.part() == TextChunk.Part.THINKING).forEach(c -> b.append(c.text()));
                }

                @Override
                public void reset() {
                    b.setLength(0);
                }
            });
        }

        vm.run();
        int frames = runToEnd(vm);

        assertThat(thinking).allSatisfy(b -> assertThat(b.toString()).isEqualTo(String.join("", THINK)));
        assertThat(batches).allSatisfy(n -> assertThat(n).isBetween(1, frames));
        assertThat(vm.columns()).allSatisfy(c -> {
            assertThat(c.live().getState()).isEqualTo(ColumnState.DONE);
            assertThat(c.live().getMetrics().thinkingTokens().value()).isEqualTo(4);
            assertThat(c.live().statusTextProperty().get()).startsWith("Done in ");
        });
        assertThat(vm.figuresProperty().get()).extracting(ColumnFigures::thinkingTokens).containsOnly(4);
        assertThat(vm.canRunProperty().get()).isTrue();
    }

    @Test
    void aFailureStaysInItsColumnAndRetryRunsOnlyThatColumnAgain() throws InterruptedException {
        boolean[] healed = {false};
        CompareViewModel vm = model(spec -> spec.budget() instanceof Budget.Effort e
                && e.level().wireName().equals("low") && !healed[0]
                ? Script.of(THINK, ANSWER).failing(FailureKind.STREAM_CUT, "the stream ended early")
                : Script.of(THINK, ANSWER));
        vm.prompt().promptProperty().set("1 + 1 = ?");

        vm.run();
        runToEnd(vm);

        ColumnViewModel medium = vm.columns().get(1);
        assertThat(medium.live().getState()).isEqualTo(ColumnState.FAILED);
        assertThat(medium.live().errorProperty().get()).isEqualTo("the stream ended early");
        assertThat(medium.live().failureKindProperty().get()).isEqualTo(FailureKind.STREAM_CUT);
        assertThat(medium.live().hasOutput()).as("it wrote some thinking first").isTrue();
        assertThat(medium.live().statusTextProperty().get()).as("when it failed; the box above says what is kept")
                .startsWith("Failed after ").doesNotContain("partial");
        assertThat(ColumnView.errorTitle(medium.live().failureKindProperty().get(), medium.live().hasOutput()))
                .isEqualTo("Stream cut \u2014 partial output kept");
        assertThat(List.of(vm.columns().get(0), vm.columns().get(2)))
                .allSatisfy(c -> assertThat(c.live().getState()).isEqualTo(ColumnState.DONE));
        assertThat(vm.canRetry(medium)).isTrue();

        healed[0] = true;
        vm.retry(medium);
        runToEnd(vm);

        assertThat(medium.live().getState()).isEqualTo(ColumnState.DONE);
        assertThat(medium.live().errorProperty().get()).isEmpty();
    }

    /** "Partial output kept" is said once in a failed column: in its box's title, not again under it. */
    @Test
    void aFailedColumnSaysOnceThatItsPartialOutputIsKeptInEitherLanguage() throws InterruptedException {
        try {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.KOREAN)) {
                Messages.setLocale(locale);
                CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER)
                        .failing(FailureKind.STREAM_CUT, "the stream ended early"));
                vm.prompt().promptProperty().set("1 + 1 = ?");

                vm.run();
                runToEnd(vm);

                LiveRunViewModel failed = vm.columns().getFirst().live();
                assertThat(failed.getState()).isEqualTo(ColumnState.FAILED);
                assertThat(failed.hasOutput()).isTrue();
                String kept = Messages.korean() ? "\ub0a8\uaca8" : "partial output"; // 남겨 (kept)
                // what the column shows of its failure: the box's title and text, and the status line under it
                String shown = String.join("\n", ColumnView.errorTitle(failed.failureKindProperty().get(), true),
                        ColumnView.inWindowLanguage(failed.failureKindProperty().get(), failed.errorProperty().get()),
                        failed.statusTextProperty().get());
                assertThat(shown.split(kept, -1)).as(locale + ": said once in\n" + shown).hasSize(2);
                vm.cancelAll();
            }
        } finally {
            Messages.setLocale(Locale.ENGLISH);
        }
    }

    @Test
    void cancelAllStopsEveryRunningColumn() throws InterruptedException {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER).stalling());
        vm.prompt().promptProperty().set("1 + 1 = ?");
        vm.run();
        vm.tick(1);

        vm.cancelAll();
        runToEnd(vm);

        assertThat(vm.columns()).allSatisfy(c -> {
            assertThat(c.live().getState()).isEqualTo(ColumnState.CANCELLED);
            assertThat(c.live().statusTextProperty().get()).startsWith("Cancelled after");
        });
    }

    @Test
    void aColumnTheEngineCannotRunIsSkippedWithTheReason() throws InterruptedException {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER));
        vm.prompt().promptProperty().set("1 + 1 = ?");
        ColumnViewModel forced = vm.addColumn();
        forced.budgetTextProperty().set("force:max=64");

        assertThat(forced.unsupportedProperty().get()).startsWith("budget forcing needs a raw-continuation engine");
        assertThat(forced.refusedByModelProperty().get()).as("the engine's, not a model's").isFalse();
        assertThat(forced.isRunnable()).isFalse();
        assertThat(vm.canRunProperty().get()).isTrue();

        vm.run();
        runToEnd(vm);

        assertThat(forced.live().getState()).isEqualTo(ColumnState.SKIPPED);
        assertThat(forced.live().statusTextProperty().get()).startsWith("Not run: budget forcing");
        assertThat(vm.columns().get(0).live().getState()).isEqualTo(ColumnState.DONE);
    }

    @Test
    void chartFiguresRefreshAtMostAFewTimesASecond() throws InterruptedException {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER).stalling());
        vm.prompt().promptProperty().set("1 + 1 = ?");
        int[] updates = {0};
        vm.figuresProperty().addListener((obs, old, now) -> updates[0]++);
        vm.run();
        Thread.sleep(50);

        for (long t = 1; t <= 60; t++) {
            vm.tick(t * 16_666_667L);
        }

        assertThat(updates[0]).isBetween(1, CompareViewModel.CHART_HZ + 1);
        vm.cancelAll();
        runToEnd(vm);
    }

    @Test
    void addingAndRemovingColumnsKeepsAtLeastOne() {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER));
        ColumnViewModel added = vm.addColumn();
        assertThat(added.toSetting()).isEqualTo("column 4=effort:high");

        for (ColumnViewModel c : List.copyOf(vm.columns())) {
            vm.removeColumn(c);
        }

        assertThat(vm.columns()).hasSize(1);
    }

    @Test
    void theShownPromptIsTheOneTheColumnsAnsweredUntilTheyRunAgain() throws InterruptedException {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER));
        vm.prompt().promptProperty().set("1 + 1 = ?");
        assertThat(vm.shownPromptProperty().get()).as("nothing ran: the box's").isEqualTo("1 + 1 = ?");
        vm.run();
        runToEnd(vm);

        vm.prompt().promptProperty().set("2 + 2 = ?"); // a lesson puts its next problem in the box
        assertThat(vm.shownPromptProperty().get()).as("the columns still answer the first").isEqualTo("1 + 1 = ?");
        vm.run();
        runToEnd(vm);
        assertThat(vm.shownPromptProperty().get()).isEqualTo("2 + 2 = ?");
    }

    @Test
    void aPresetNameFollowsAnEditedBudgetUntilTheUserNamesTheColumn() {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER));
        ColumnViewModel large = vm.columns().get(2);

        large.budgetTextProperty().set("force:min=0,max=8,waits=0,wait=Wait");
        assertThat(large.labelProperty().get()).isEqualTo("max 8");
        large.budgetTextProperty().set("force:min=56,max=256,waits=1,wait=Wait");
        assertThat(large.labelProperty().get()).isEqualTo("max 256 +1 Wait");
        large.budgetTextProperty().set("tokens:40");
        assertThat(large.labelProperty().get()).isEqualTo("40 tokens");
        large.budgetTextProperty().set("tokens:");
        assertThat(large.labelProperty().get()).as("an unparsed budget keeps the name").isEqualTo("40 tokens");
        large.budgetTextProperty().set("effort:high");
        assertThat(large.labelProperty().get()).as("back to the preset").isEqualTo("large");

        large.labelProperty().set("deep");
        large.budgetTextProperty().set("none");
        assertThat(large.labelProperty().get()).as("a typed name stays").isEqualTo("deep");
    }

    @Test
    void restoredColumnsFollowTheirBudgetOnlyWhenTheAppNamedThem() {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER));
        vm.restoreColumns(List.of("small=none", "max 8=force:min=0,max=8,waits=0,wait=Wait", "mine=tokens:99"));

        vm.columns().forEach(c -> c.budgetTextProperty().set("tokens:77"));

        assertThat(vm.columns()).extracting(c -> c.labelProperty().get())
                .containsExactly("77 tokens", "77 tokens", "mine");
    }

    @Test
    void savedColumnsReplaceThePresets() {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER));

        vm.restoreColumns(List.of("quick=none", "deep=tokens:8000", "broken"));

        assertThat(vm.columns()).extracting(ColumnViewModel::toSetting).containsExactly("quick=none",
                "deep=tokens:8000");
        assertThat(vm.columns().get(1).budgetProperty().get()).isEqualTo(new Budget.Tokens(8000));
    }

    @Test
    void anEngineWithoutPresetsGetsColumnsFromItsCapabilities() {
        CompareViewModel vm = withoutModelsOrPresets("bare", "Bare");

        assertThat(vm.columns()).extracting(ColumnViewModel::toSetting)
                .containsExactly("small=tokens:1024", "medium=tokens:4096", "large=tokens:16384");
    }

    @Test
    void withNoModelBecauseTheServerIsDownTheHintPointsAtTheServer() {
        CompareViewModel vm = withoutModelsOrPresets("down", "Down");
        ConnectionViewModel connection = vm.connection();
        vm.prompt().promptProperty().set("1 + 1 = ?");

        connection.refreshModels();

        assertThat(vm.canRunProperty().get()).isFalse();
        assertThat(vm.runHintProperty().get()).isEqualTo("No model to choose (Not reachable: Down): check the server "
                + "and its base URL, then press F5; or type a model name");
        connection.modelProperty().set("typed-by-hand");
        assertThat(vm.canRunProperty().get()).isTrue();
    }

    @Test
    void aColumnRenamedAfterARunIsNamedSoInTheChartsAtTheNextFrame() throws Exception {
        CompareViewModel vm = model(spec -> Script.of(THINK, ANSWER));
        vm.prompt().promptProperty().set("1 + 1 = ?");
        vm.run();
        runToEnd(vm);
        assertThat(vm.figuresProperty().get()).extracting(ColumnFigures::label)
                .containsExactly("small", "medium", "large");

        vm.columns().get(1).budgetTextProperty().set("tokens:2000");
        vm.tick(Long.MAX_VALUE / 2);

        assertThat(vm.figuresProperty().get()).extracting(ColumnFigures::label)
                .containsExactly("small", vm.columns().get(1).labelProperty().get(), "large");
        assertThat(vm.columns().get(1).labelProperty().get()).isNotEqualTo("medium");
    }
}
