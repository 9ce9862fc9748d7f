package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.Budget;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.AdaptiveStrategy;
import dev.thinkbench.lab.strategy.VerifierStrategy;
import dev.thinkbench.lab.sweep.SweepSetup;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sweep setup form's state, without a toolkit: budgets, validation and what Start would save. */
class SweepSetupViewModelTest {

    @TempDir
    Path dir;
    /** The engine bar's state the last {@link #model} reads. */
    private ConnectionViewModel connection;

    private SweepSetupViewModel model() throws Exception {
        return model(new AnswerTestEngine("answers", spec -> AnswerTestEngine.Reply.answer("2", 1)));
    }

    private SweepSetupViewModel model(AnswerTestEngine engine) throws Exception {
        Files.writeString(dir.resolve("set.csv"), "id,prompt,answer,difficulty\nq1,1 + 1 = ?,2,1\nq2,2 + 3 = ?,5,2\n"
                + "q3,\"3, 4 or 5?\",,3\n");
        WorkbenchServices services = WorkbenchFixture.services("answers", "Answer engine", engine);
        connection = new ConnectionViewModel(services.engines(),
                new WorkbenchFixture.SameThreadTasks(), name -> null);
        connection.modelProperty().set("m");
        return new SweepSetupViewModel(connection, services.presets(), new WorkbenchFixture.SameThreadTasks(),
                Path.of("samples/problems"));
    }

    @Test
    void theAppsProblemSetsAreListedAndTheMicroSetIsPickedFirst() throws Exception {
        SweepSetupViewModel vm = model();
        assertThat(vm.problemSets()).extracting(ProblemSetChoice::name).contains("micro-heldout.jsonl",
                "grade-school.jsonl", "seeds.jsonl");
        assertThat(vm.problemSetProperty().get().name()).isEqualTo("micro-heldout.jsonl");
        assertThat(vm.problemsProperty().get()).isNotEmpty();
    }

    @Test
    void theBudgetListStartsAsTheChosenEnginesOwnPresetsAndAListTypedThereStays() throws Exception {
        SweepSetupViewModel vm = model();
        vm.budgetModeProperty().set(BudgetMode.LIST);

        assertThat(vm.budgetListProperty().get()).as("not the built-in engine's none / tokens:8 / tokens:32")
                .isEqualTo("none\neffort:low\neffort:high");
        assertThat(vm.budgetsErrorProperty().get()).isEmpty();
        assertThat(vm.budgetsProperty().get()).hasSize(3);
        vm.budgetListProperty().set("effort:low");
        vm.budgetModeProperty().set(BudgetMode.PRESETS);
        vm.budgetModeProperty().set(BudgetMode.LIST);
        assertThat(vm.budgetListProperty().get()).isEqualTo("effort:low");
    }

    @Test
    void aBudgetTheChosenModelRefusesIsSaidBeforeStartAndCheckedAgainWhenTheModelChanges() throws Exception {
        AnswerTestEngine engine = new AnswerTestEngine("answers", spec -> AnswerTestEngine.Reply.answer("2", 1))
                .refusing((budget, model) -> model.equals("no-effort") && budget instanceof Budget.Effort
                        ? "no-effort takes no effort level: use tokens:N" : null);
        SweepSetupViewModel vm = model(engine);
        vm.budgetModeProperty().set(BudgetMode.LIST);
        vm.budgetListProperty().set("none\nhigh=effort:high");
        assertThat(vm.budgetsErrorProperty().get()).isEmpty();

        connection.modelProperty().set("no-effort");
        assertThat(vm.budgetsErrorProperty().get()).isEqualTo("high (effort:high): no-effort takes no effort "
                + "level: use tokens:N");
        assertThat(vm.validProperty().get()).isFalse();
        vm.budgetListProperty().set("none\ntokens:64");
        assertThat(vm.budgetsErrorProperty().get()).isEmpty();
        vm.budgetListProperty().set("effort:low");
        connection.modelProperty().set("m");
        assertThat(vm.budgetsErrorProperty().get()).as("another model takes it").isEmpty();
        assertThat(engine.started()).as("nothing ran to find out").isEmpty();
    }

    @Test
    void budgetsComeFromThePresetsAListOrADoublingRange() throws Exception {
        SweepSetupViewModel vm = model();
        assertThat(vm.budgetsProperty().get()).extracting(Lane::label).containsExactly("small", "medium", "large");
        assertThat(vm.presetsTextProperty().get()).isEqualTo("small \u00b7 thinking off\nmedium \u00b7 effort low\n"
                + "large \u00b7 effort high");

        vm.budgetModeProperty().set(BudgetMode.LIST);
        vm.budgetListProperty().set("none\ntokens:8\n\nbig=force:min=0,max=64,waits=1");
        assertThat(vm.budgetsProperty().get()).extracting(Lane::label).containsExactly("none", "cap8", "big");
        vm.budgetListProperty().set("tokens:8\ntokens:eight");
        assertThat(vm.budgetsErrorProperty().get()).startsWith("line 2:");
        assertThat(vm.validProperty().get()).isFalse();

        vm.budgetModeProperty().set(BudgetMode.RANGE);
        vm.rangeLowProperty().set(3);
        vm.rangeHighProperty().set(8);
        assertThat(vm.budgetsProperty().get()).extracting(Lane::label)
                .containsExactly("none", "cap8", "cap16", "cap32", "cap64", "cap128", "cap256");
        assertThat(vm.rangeTextProperty().get()).as("the budget with thinking off counted too")
                .isEqualTo("off, then 8 .. 256 tokens, doubling (7 budgets)");
        vm.rangeKindProperty().set(BudgetChoices.RangeKind.FORCE);
        vm.rangeWithNoneProperty().set(false);
        assertThat(vm.rangeTextProperty().get()).isEqualTo("8 .. 256 tokens, doubling (6 budgets)");
        assertThat(vm.budgetsProperty().get().getLast().budget()).isInstanceOfSatisfying(Budget.Forcing.class,
                f -> assertThat(f.plan().maxThinkingTokens()).isEqualTo(256));
    }

    @Test
    void anImportedCsvLoadsAndTheSetupSavesWhatStartRuns() throws Exception {
        SweepSetupViewModel vm = model();
        vm.importFile(dir.resolve("set.csv"));
        assertThat(vm.problemsProperty().get()).hasSize(3);
        assertThat(vm.problemsStatusProperty().get()).isEqualTo("3 problems \u00b7 difficulty 1\u20133 \u00b7 1 "
                + "without an answer (run, shown ungraded)");
        vm.limitProperty().set("2");
        vm.samplesProperty().set(3);
        vm.strategies().setAll("fixed", "majority", "routing");
        vm.temperatureProperty().set("0.7");
        vm.seedProperty().set("11");

        assertThat(vm.planTextProperty().get()).as("the formula adds up: routing runs once, not once per budget")
                .isEqualTo("2 problems \u00d7 3 samples \u00d7 (2 strategies \u00d7 3 budgets + routing, which picks "
                        + "one budget) = 42 runs (each best-of-N run draws 5 candidates: 114 generations in all)");
        SweepSetup setup = vm.toSetup();
        assertThat(setup.budgets()).containsExactly("small=none", "medium=effort:low", "large=effort:high");
        assertThat(setup.plan(vm.selectedProblems()).tasks()).hasSize(42);

        vm.strategies().setAll("routing");
        assertThat(vm.planTextProperty().get()).isEqualTo("2 problems \u00d7 3 samples \u00d7 routing, which picks "
                + "one budget = 6 runs");
        vm.strategies().setAll("fixed");
        vm.samplesProperty().set(1);
        vm.budgetModeProperty().set(BudgetMode.LIST);
        vm.budgetListProperty().set("none");
        assertThat(vm.planTextProperty().get()).isEqualTo("2 problems \u00d7 1 budget \u00d7 1 sample \u00d7 1 strategy"
                + " = 2 runs");
        vm.strategies().setAll("fixed", "routing");
        vm.budgetListProperty().set("tokens:eight");
        assertThat(vm.planTextProperty().get()).as("no budget: routing has none to pick either")
                .endsWith("= 0 runs");
        assertThat(setup.temperature()).isEqualTo(0.7);
        assertThat(setup.seed()).isEqualTo(11L);
        assertThat(setup.engineId()).isEqualTo("answers");
        assertThat(setup.apiKeyEnv()).isNull();
    }

    @Test
    void startIsBlockedWithAReason() throws Exception {
        SweepSetupViewModel vm = model();
        vm.temperatureProperty().set("hot");
        assertThat(vm.startHintProperty().get()).startsWith("Temperature must be a number");
        assertThat(vm.temperatureErrorProperty().get()).as("the field is marked too")
                .isEqualTo(vm.startHintProperty().get());
        vm.temperatureProperty().set("0");
        assertThat(vm.temperatureErrorProperty().get()).isEmpty();
        vm.limitProperty().set("twenty");
        assertThat(vm.limitErrorProperty().get()).isNotEmpty().isEqualTo(vm.startHintProperty().get());
        vm.limitProperty().set("-5");
        assertThat(vm.limitErrorProperty().get()).isNotEmpty();
        vm.limitProperty().set("");
        assertThat(vm.limitErrorProperty().get()).isEmpty();
        vm.seedProperty().set("x");
        assertThat(vm.seedErrorProperty().get()).isNotEmpty();
        vm.seedProperty().set("-1");
        assertThat(vm.seedErrorProperty().get()).isEqualTo("Seed must be a whole number from 0 to 2147483647 "
                + "(blank: none)").isEqualTo(vm.startHintProperty().get());
        vm.seedProperty().set("2147483648");
        assertThat(vm.seedErrorProperty().get()).isNotEmpty();
        vm.seedProperty().set("2147483647");
        assertThat(vm.seedErrorProperty().get()).isEmpty();
        vm.seedProperty().set("");
        vm.samplesProperty().set(2);
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.noteProperty().get()).startsWith("Samples differ only by seed")
                .doesNotContain("candidates");
        vm.strategies().setAll("fixed", "majority");
        vm.candidatesProperty().set(4);
        assertThat(vm.noteProperty().get()).startsWith("Samples differ only by seed")
                .contains("majority draws 4 candidates that are one run repeated");
        vm.samplesProperty().set(1);
        assertThat(vm.noteProperty().get()).startsWith("At temperature 0 (greedy) majority draws 4 candidates");
        vm.temperatureProperty().set("0.7");
        assertThat(vm.noteProperty().get()).isEmpty();
        vm.strategies().clear();
        assertThat(vm.startHintProperty().get()).isEqualTo("Choose at least one strategy");
        vm.strategies().setAll(AdaptiveStrategy.NAME);
        assertThat(vm.startHintProperty().get()).startsWith("Adaptive thinking forks the trace");
        assertThatThrownBy(vm::toSetup).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void adaptiveThinkingsProbeSettingsAreCheckedSavedAndShownAgain() throws Exception {
        SweepSetupViewModel vm = model();
        assertThat(vm.usesProbesProperty().get()).isFalse();
        vm.strategies().setAll("fixed", AdaptiveStrategy.NAME);
        assertThat(vm.usesProbesProperty().get()).isTrue();
        vm.strategies().setAll("fixed");
        vm.confidenceProperty().set("1.5");
        assertThat(vm.startHintProperty().get()).startsWith("The confidence to stop at must be a number above 0");
        vm.confidenceProperty().set("0.9");
        vm.probeEveryProperty().set(8);
        vm.agreeProperty().set(3);
        assertThat(vm.validProperty().get()).isTrue();
        SweepSetup setup = vm.toSetup();
        assertThat(setup.probeEvery()).isEqualTo(8);
        assertThat(setup.agree()).isEqualTo(3);
        assertThat(setup.confidence()).isEqualTo(0.9);

        vm.confidenceProperty().set("");
        vm.probeEveryProperty().set(16);
        vm.show(setup, vm.problemSetProperty().get());
        assertThat(vm.confidenceProperty().get()).isEqualTo("0.9");
        assertThat(vm.probeEveryProperty().get()).isEqualTo(8);
        assertThat(vm.toSetup().confidence()).isEqualTo(0.9);
        vm.confidenceProperty().set(" ");
        assertThat(vm.toSetup().confidence()).isNull();
    }

    @Test
    void theVerifiersJudgeModelIsSavedAndItsCandidatesJudgedByIt() throws Exception {
        SweepSetupViewModel vm = model();
        assertThat(vm.usesJudgeProperty().get()).isFalse();
        vm.strategies().setAll(VerifierStrategy.NAME);
        assertThat(vm.usesJudgeProperty().get()).isTrue();
        vm.judgeModelProperty().set(" big-judge ");
        SweepSetup setup = vm.toSetup();
        assertThat(setup.judgeModel()).isEqualTo("big-judge");
        assertThat(setup.plan(vm.selectedProblems()).strategies()).singleElement()
                .isInstanceOfSatisfying(VerifierStrategy.class, v -> assertThat(v.judgeModel()).isEqualTo("big-judge"));

        vm.judgeModelProperty().set("");
        assertThat(vm.toSetup().judgeModel()).as("blank: the sweep's own model").isNull();
        vm.show(setup, vm.problemSetProperty().get());
        assertThat(vm.judgeModelProperty().get()).isEqualTo("big-judge");
    }

    @Test
    void moreServersAreCheckedAndSavedWithTheSetup() throws Exception {
        SweepSetupViewModel vm = model();
        assertThat(vm.takesServersProperty().get()).as("a server engine").isTrue();
        vm.moreServersProperty().set("http://gpu2:8000/v1, gpu3:8000");
        assertThat(vm.startHintProperty().get())
                .isEqualTo("More servers: 'gpu3:8000' is not an http:// or https:// URL");
        vm.moreServersProperty().set(" http://gpu2:8000/v1,  https://gpu3:8000/v1 ");
        assertThat(vm.validProperty().get()).isTrue();
        SweepSetup setup = vm.toSetup();
        assertThat(setup.moreBaseUrls()).containsExactly("http://gpu2:8000/v1", "https://gpu3:8000/v1");

        vm.moreServersProperty().set("");
        vm.show(setup, vm.problemSetProperty().get());
        assertThat(vm.moreServersProperty().get()).isEqualTo("http://gpu2:8000/v1 https://gpu3:8000/v1");
    }

    @Test
    void aSavedSetupShowsItsBudgetsAsTheyWereChosen() throws Exception {
        SweepSetupViewModel vm = model();
        SweepSetup presetSetup = vm.toSetup();
        vm.budgetModeProperty().set(BudgetMode.RANGE);
        vm.rangeHighProperty().set(7);
        vm.rangeLowProperty().set(2);
        vm.rangeKindProperty().set(BudgetChoices.RangeKind.FORCE);
        vm.rangeWithNoneProperty().set(true);
        SweepSetup rangeSetup = vm.toSetup();
        vm.budgetModeProperty().set(BudgetMode.LIST);
        vm.budgetListProperty().set("a=tokens:8\nb=tokens:64");
        SweepSetup listSetup = vm.toSetup();

        vm.show(presetSetup, vm.problemSetProperty().get());
        assertThat(vm.budgetModeProperty().get()).isEqualTo(BudgetMode.PRESETS);
        vm.budgetModeProperty().set(BudgetMode.LIST);
        vm.rangeLowProperty().set(0);
        vm.rangeKindProperty().set(BudgetChoices.RangeKind.TOKENS);
        vm.rangeWithNoneProperty().set(false);
        vm.show(rangeSetup, vm.problemSetProperty().get());
        assertThat(vm.budgetModeProperty().get()).isEqualTo(BudgetMode.RANGE);
        assertThat(vm.rangeLowProperty().get()).isEqualTo(2);
        assertThat(vm.rangeHighProperty().get()).isEqualTo(7);
        assertThat(vm.rangeKindProperty().get()).isEqualTo(BudgetChoices.RangeKind.FORCE);
        assertThat(vm.rangeWithNoneProperty().get()).isTrue();
        assertThat(vm.toSetup().budgets()).isEqualTo(rangeSetup.budgets());
        vm.show(listSetup, vm.problemSetProperty().get());
        assertThat(vm.budgetModeProperty().get()).isEqualTo(BudgetMode.LIST);
        assertThat(vm.toSetup().budgets()).containsExactly("a=tokens:8", "b=tokens:64");
    }

    @Test
    void budgetChoicesNameThemselves() {
        assertThat(BudgetChoices.parseList("effort:high\nforce:min=0,max=32,waits=2")).extracting(Lane::label)
                .containsExactly("high", "force32w2");
        assertThatThrownBy(() -> BudgetChoices.parseList("tokens:8\ncap8=tokens:16"))
                .hasMessage("line 2: the label 'cap8' is used twice");
        assertThatThrownBy(() -> BudgetChoices.range(5, 3, BudgetChoices.RangeKind.TOKENS, false))
                .hasMessageContaining("low to high");
        assertThat(BudgetChoices.specs(List.of(new Lane("a", new Budget.Tokens(4))))).containsExactly("a=tokens:4");
        assertThat(LogAxis.label(0)).isEqualTo("0");
        assertThat(LogAxis.label(2048)).isEqualTo("2k");
        assertThat(LogAxis.label(48)).isEqualTo("48");
    }
}
