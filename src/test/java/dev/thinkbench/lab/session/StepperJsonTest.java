package dev.thinkbench.lab.session;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A hand-edited Stepper part is refused with what is wrong, never read into branches that mix up. */
class StepperJsonTest {

    private static JsonNode stepper(String branches) throws Exception {
        return SessionJson.MAPPER.readTree("{\"prompt\": \"Start with 8. Add 38.\", \"template\": \"chatml-think\","
                + " \"activeBranch\": 1, \"branches\": " + branches + "}");
    }

    private static String branch(int id, String steps) {
        return "{\"id\": " + id + ", \"status\": \"paused\", \"thinking\": \"8+38=46\\n\", \"thinkingTokens\": 8,"
                + " \"steps\": " + steps + "}";
    }

    @Test
    void twoBranchesWithOneIdAreRefused() throws Exception {
        // the list showed "branch 1" and "branch 2", and clicking either showed the first
        JsonNode o = stepper("[" + branch(1, "[]") + ", " + branch(1, "[]") + "]");
        assertThatThrownBy(() -> StepperJson.read(o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two branches have the id 1");
    }

    @Test
    void stepsThatAreNotAListAreRefused() throws Exception {
        // read as no steps at all, the branch's whole timeline went without a word
        JsonNode o = stepper("[" + branch(1, "\"x\"") + "]");
        assertThatThrownBy(() -> StepperJson.read(o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steps must be a list");
    }

    @Test
    void aParentThatIsNoBranchOrTheBranchItselfIsRefused() throws Exception {
        String orphan = branch(2, "[]").replace("{\"id\": 2,", "{\"id\": 2, \"parent\": 7,");
        assertThatThrownBy(() -> StepperJson.read(stepper("[" + branch(1, "[]") + ", " + orphan + "]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parent 7 is not among the branches");
        String own = branch(1, "[]").replace("{\"id\": 1,", "{\"id\": 1, \"parent\": 1,");
        assertThatThrownBy(() -> StepperJson.read(stepper("[" + own + "]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parent 1 is itself");
    }

    @Test
    void aNegativeCountIsRefused() throws Exception {
        String negative = branch(1, "[]").replace("\"thinkingTokens\": 8", "\"thinkingTokens\": -8");
        assertThatThrownBy(() -> StepperJson.read(stepper("[" + negative + "]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thinkingTokens is -8, less than 0");
        String step = "[{\"phase\": \"THINKING\", \"text\": \"8+38\", \"tokens\": -3, \"start\": 0, \"end\": 1}]";
        assertThatThrownBy(() -> StepperJson.read(stepper("[" + branch(1, step) + "]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokens is -3, less than 0");
    }
}
