package dev.thinkbench.ui.compare;

import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.lab.CandidateRound;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.ScriptedTestEngine.Script;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Best-of-N in the Compare tab: N live candidate columns of one budget, the pick marked when they finish. */
class BestOfNCompareTest {

    private final List<RunSpec> started = new CopyOnWriteArrayList<>();

    /** Seed 7 answers 41 after a short think; the others answer 42 after a longer one; the judge likes 41. */
    private Script script(RunSpec spec) {
        started.add(spec);
        if (spec.prompt().contains("Proposed answer")) {
            return Script.of(List.of(), List.of(spec.prompt().contains("Final Answer: 41") ? "Score: 9" : "Score: 4"));
        }
        return spec.sampling().seed() == 7 ? Script.of(List.of("quick "), List.of("Final Answer: 41"))
                : Script.of(List.of("let ", "me ", "think "), List.of("Final Answer: 42"));
    }

    private CompareViewModel model() {
        ScriptedTestEngine engine = new ScriptedTestEngine("scripted", this::script, List.of(new ModelInfo("m", "")));
        WorkbenchServices services = WorkbenchFixture.services("scripted", "Scripted", engine);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(),
                new WorkbenchFixture.SameThreadTasks(), name -> null);
        connection.refreshModels();
        CompareViewModel vm = new CompareViewModel(connection, new PromptViewModel(services.samples()),
                services.presets(), PriceTable.empty());
        vm.prompt().promptProperty().set("What is 6 x 7?");
        vm.prompt().temperatureProperty().set("0.8");
        vm.prompt().seedProperty().set("7");
        return vm;
    }

    /** Ticks like frames until the pick is shown (bounded). */
    private static void runUntilPicked(CompareViewModel vm) throws InterruptedException {
        long now = 0;
        for (int frame = 1; frame <= 3000; frame++) {
            now += 16_000_000L;
            vm.tick(now);
            String outcome = vm.bestOfN().outcomeProperty().get();
            if (!vm.runningProperty().get() && (outcome.startsWith("#") || outcome.startsWith("No candidate"))) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no pick within 3000 frames: " + vm.bestOfN().outcomeProperty().get());
    }

    /** Runs three columns of one budget to their end: the count above the columns names their answers. */
    private static void runThreeSamples(CompareViewModel vm) throws InterruptedException {
        vm.restoreColumns(List.of("a=effort:low", "b=effort:low", "c=effort:low"));
        vm.run();
        long now = 0;
        for (int frame = 1; frame <= 3000 && (vm.runningProperty().get()
                || vm.columns().stream().anyMatch(c -> c.live().getState() != ColumnState.DONE)); frame++) {
            now += 16_000_000L;
            vm.tick(now);
            Thread.sleep(2);
        }
    }

    @Test
    void otherColumnsPutBackLeaveNoCountOfTheColumnsGone() throws Exception {
        CompareViewModel vm = model();
        runThreeSamples(vm);
        assertThat(vm.tallyProperty().get()).startsWith("3 samples: 41 \u00d73");

        vm.restoreColumns(List.of("small=none", "large=effort:high")); // as Back to my workbench does

        assertThat(vm.tallyProperty().get()).as("a lesson's count over the workbench's idle columns").isEmpty();
    }

    @Test
    void turningBestOfNOnAndOffBringsTheBudgetColumnsBackWithTheirTextNumbersAndCount() throws Exception {
        CompareViewModel vm = model();
        runThreeSamples(vm);
        String tally = vm.tallyProperty().get();
        assertThat(tally).startsWith("3 samples: 41 \u00d73");
        List<ColumnViewModel> budgetColumns = List.copyOf(vm.columns());

        vm.bestOfN().enabledProperty().set(true);
        assertThat(vm.tallyProperty().get()).as("no count of columns no longer shown").isEmpty();
        assertThat(vm.bestOfN().budgetProperty().get()).as("the candidates run at the last (largest) budget")
                .isEqualTo(budgetColumns.getLast().budgetTextProperty().get());

        vm.bestOfN().enabledProperty().set(false);
        assertThat(vm.columns()).containsExactlyElementsOf(budgetColumns);
        assertThat(vm.tallyProperty().get()).isEqualTo(tally);
        ColumnViewModel first = vm.columns().getFirst();
        assertThat(vm.columns()).as("each column back keeps its run: Retry shows")
                .allMatch(vm::canRetry);
        assertThat(first.live().getState()).isEqualTo(ColumnState.DONE);
        assertThat(first.live().getMetrics().thinkingTokens().known()).isTrue();
        StringBuilder replayed = new StringBuilder();
        first.live().addListener(new dev.thinkbench.ui.text.TextStreamListener() {
            @Override
            public void append(List<dev.thinkbench.ui.text.TextChunk> chunks) {
                chunks.forEach(c -> replayed.append(c.text()));
            }

            @Override
            public void reset() {
                replayed.setLength(0);
            }
        });
        assertThat(replayed.toString()).as("a view made again gets the text shown so far")
                .contains("quick").contains("Final Answer: 41");
    }

    @Test
    void candidateColumnsRunOneBudgetWithSeedsApartAndTheMajorityIsMarked() throws Exception {
        CompareViewModel vm = model();
        vm.bestOfN().candidatesProperty().set(3);
        vm.bestOfN().budgetProperty().set("effort:low");
        vm.bestOfN().enabledProperty().set(true);

        assertThat(vm.columns()).extracting(ColumnViewModel::toSetting)
                .containsExactly("#1=effort:low", "#2=effort:low", "#3=effort:low");
        assertThat(vm.budgetColumns()).extracting(ColumnViewModel::toSetting)
                .containsExactly("small=none", "medium=effort:low", "large=effort:high");
        vm.run();
        runUntilPicked(vm);

        assertThat(started).extracting(s -> s.sampling().seed()).containsExactlyInAnyOrder(7L, 8L, 9L);
        assertThat(vm.bestOfN().outcomeProperty().get()).isEqualTo("#2 picked by majority vote: 2 of 3 votes for 42");
        assertThat(vm.columns()).extracting(c -> c.candidateMarkProperty().get())
                .containsExactly("answer 41", "\u2713 picked \u00b7 answer 42", "answer 42");
        assertThat(vm.columns()).extracting(c -> c.pickedProperty().get()).containsExactly(false, true, false);

        vm.bestOfN().enabledProperty().set(false);
        assertThat(vm.columns()).extracting(ColumnViewModel::toSetting)
                .containsExactly("small=none", "medium=effort:low", "large=effort:high");

        // on again: the round's candidates come back with their answers, marks and outcome, not empty columns
        vm.bestOfN().enabledProperty().set(true);
        assertThat(vm.columns()).extracting(c -> c.live().getState()).containsOnly(ColumnState.DONE);
        assertThat(vm.columns()).extracting(c -> c.candidateMarkProperty().get())
                .containsExactly("answer 41", "\u2713 picked \u00b7 answer 42", "answer 42");
        assertThat(vm.bestOfN().outcomeProperty().get()).isEqualTo("#2 picked by majority vote: 2 of 3 votes for 42");
        assertThat(vm.columns()).as("candidates back can run again").allMatch(vm::canRetry);
        int before = started.size();
        vm.retry(vm.columns().getFirst());
        runUntilPicked(vm);
        assertThat(started).hasSize(before + 1);
        assertThat(started.getLast().sampling().seed()).as("the candidate's own seed").isEqualTo(7L);
        assertThat(vm.bestOfN().outcomeProperty().get()).as("picked again after the retry")
                .isEqualTo("#2 picked by majority vote: 2 of 3 votes for 42");

        // one candidate removed: the others keep their answers; the pick among three no longer stands
        ColumnViewModel second = vm.columns().get(1);
        vm.removeColumn(vm.columns().getFirst());
        assertThat(vm.columns()).hasSize(2).startsWith(second)
                .extracting(c -> c.live().getState()).containsOnly(ColumnState.DONE);
        assertThat(vm.bestOfN().candidatesProperty().get()).isEqualTo(2);
        assertThat(vm.bestOfN().outcomeProperty().get())
                .isEqualTo("2 candidates now: run again (Ctrl+Enter) for a pick among them");
        assertThat(vm.columns()).extracting(c -> c.pickedProperty().get()).containsOnly(false);
        assertThat(vm.columns()).extracting(c -> c.candidateMarkProperty().get()).containsOnly("");
        vm.removeColumn(vm.columns().getFirst());
        assertThat(vm.columns()).as("two at the least").hasSize(2);
        vm.addColumn();
        assertThat(vm.columns()).hasSize(3).extracting(c -> c.live().getState())
                .containsExactly(ColumnState.DONE, ColumnState.DONE, ColumnState.IDLE);
        assertThat(vm.columns()).extracting(c -> c.labelProperty().get()).as("no two of one number")
                .containsExactly("#2", "#3", "#4");

        // asked for another number of candidates: a fresh round
        vm.bestOfN().enabledProperty().set(false);
        vm.bestOfN().candidatesProperty().set(4);
        vm.bestOfN().enabledProperty().set(true);
        assertThat(vm.columns()).hasSize(4).extracting(c -> c.live().getState()).containsOnly(ColumnState.IDLE);
    }

    @Test
    void theVerifiersPickIsMarkedWithEachCandidatesScore() throws Exception {
        CompareViewModel vm = model();
        vm.bestOfN().candidatesProperty().set(3);
        vm.bestOfN().budgetProperty().set("effort:high");
        vm.bestOfN().selectionProperty().set(CandidateRound.Selection.VERIFIER);
        vm.bestOfN().enabledProperty().set(true);
        vm.run();
        runUntilPicked(vm);

        assertThat(vm.bestOfN().outcomeProperty().get()).startsWith("#1 picked by verifier: verifier score 9");
        assertThat(vm.columns().getFirst().candidateMarkProperty().get())
                .isEqualTo("\u2713 picked \u00b7 answer 41 \u00b7 score 9");
        assertThat(started).filteredOn(s -> s.prompt().contains("Proposed answer")).hasSize(3);
    }

    @Test
    void greedyDecodingIsPointedOutAndAddingAColumnAddsACandidate() {
        CompareViewModel vm = model();
        vm.bestOfN().enabledProperty().set(true);
        assertThat(vm.bestOfN().hintProperty().get()).isEmpty();
        vm.prompt().temperatureProperty().set("0");
        assertThat(vm.bestOfN().hintProperty().get()).startsWith("Temperature 0 is greedy");

        int before = vm.columns().size();
        vm.addColumn();
        assertThat(vm.columns()).hasSize(before + 1);
        assertThat(vm.columns().getLast().labelProperty().get()).isEqualTo("#" + (before + 1));
    }
}
