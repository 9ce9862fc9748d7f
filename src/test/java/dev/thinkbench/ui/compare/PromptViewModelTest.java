package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Sampling;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.ui.WorkbenchFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromptViewModelTest {

    private final PromptViewModel vm = new PromptViewModel(WorkbenchFixture.samples());

    @Test
    void theSamplesIncludeTheSeedExamples() {
        assertThat(vm.samples()).extracting(SamplePrompt::prompt).contains("1 + 1 = ?",
                "What is the capital of France? Reply with the city's name only.", "Prove that sqrt(2) is irrational.");
        assertThat(vm.samples()).extracting(SamplePrompt::category).contains("trivial", "retrieval", "math",
                "logic");
    }

    @Test
    void choosingASampleFillsThePromptAndEditingLetsGoOfIt() {
        SamplePrompt capital = vm.samples().stream().filter(s -> s.category().equals("retrieval")).findFirst()
                .orElseThrow();

        vm.sampleProperty().set(capital);
        assertThat(vm.promptProperty().get()).isEqualTo("What is the capital of France? Reply with the city's name only.");
        assertThat(vm.sampleNoteProperty().get()).contains("wasted");

        vm.promptProperty().set("What is the capital of Italy?");
        assertThat(vm.sampleProperty().get()).isNull();
        assertThat(vm.sampleNoteProperty().get()).isEmpty();
    }

    @Test
    void aTypedAnswerGoesWhenAnotherProblemIsTypedOverItsPromptAndStaysThroughAnEdit() {
        vm.promptProperty().set("I had 7 apples and ate 2, then bought 5 more. How many now?");
        vm.expectedProperty().set("10");

        vm.promptProperty().set("I had 7 apples and ate 2, then bought 5 more. How many apples now?");
        assertThat(vm.expectedProperty().get()).as("a word added: the same problem").isEqualTo("10");

        vm.promptProperty().set("Tom has 12 marbles. He gives away 5 and then finds 9. How many now?");
        assertThat(vm.expectedProperty().get()).as("not graded against the apples' answer").isEmpty();
        assertThat(vm.expectedClearedProperty().get()).isEqualTo("10");

        vm.expectedProperty().set("16");
        assertThat(vm.expectedClearedProperty().get()).as("an answer given again").isEmpty();
        vm.promptProperty().set("Tom has 12 marbles. He gives away 5 and then finds 9. How many does he have now?");
        assertThat(vm.expectedProperty().get()).isEqualTo("16");
    }

    @Test
    void anAnswerTypedBeforeThePromptStaysWhileThePromptIsTyped() {
        vm.expectedProperty().set("4");
        vm.promptProperty().set("2");
        vm.promptProperty().set("2 + 2 = ?");
        assertThat(vm.expectedProperty().get()).isEqualTo("4");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            2.5,  temperature must be between 0 and 2
            warm, temperature must be a number such as 0.6 (blank: the engine's default)
            0.7,  ''
            """)
    void temperatureIsCheckedAsTyped(String typed, String message) {
        vm.temperatureProperty().set(typed);
        assertThat(vm.temperatureErrorProperty().get()).isEqualTo(message == null ? "" : message);
    }

    @Test
    void samplingIsReadFromTheFieldsWithBlankMeaningDefault() {
        vm.temperatureProperty().set(" 0 ");
        vm.seedProperty().set("");
        assertThat(vm.sampling()).isEqualTo(new Sampling(0.0, null, null, null));

        vm.seedProperty().set("seven");
        assertThat(vm.seedErrorProperty().get()).isEqualTo("seed must be a whole number from 0 to 2147483647 "
                + "(blank: none)");
        assertThat(vm.samplingValid()).isFalse();

        for (String outside : List.of("-1", "2147483648")) {
            vm.seedProperty().set(outside);
            assertThat(vm.seedErrorProperty().get()).as(outside).isEqualTo("seed must be a whole number from 0 to "
                    + "2147483647 (blank: none)");
            assertThat(vm.samplingValid()).isFalse();
        }
        vm.seedProperty().set("2147483647");
        assertThat(vm.samplingValid()).isTrue();
        assertThat(vm.sampling().seed()).isEqualTo(2147483647L);
    }

    @Test
    void anEmptyPromptIsNoPrompt() {
        PromptViewModel empty = new PromptViewModel(List.of());
        empty.promptProperty().set("   ");
        assertThat(empty.hasPrompt()).isFalse();
    }
}
