package dev.thinkbench.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BudgetSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"none", "tokens:2048", "effort:high", "force:min=100,max=2000,waits=2,wait=Wait",
            "force:min=0,max=50,waits=3,wait=Wait|Hmm|Alternatively", "force:min=1,max=5,waits=1,wait=Hmm,prefix=A:"})
    void specsRoundTrip(String spec) {
        assertThat(BudgetSpec.parse(spec).spec()).isEqualTo(spec);
    }

    @Test
    void forcingSpecReadsEveryField() {
        Budget b = BudgetSpec.parse("force:min=10,max=200,waits=3,wait=Wait|Hmm");
        assertThat(b).isEqualTo(new Budget.Forcing(new ForcingPlan(10, 200, 3, List.of("Wait", "Hmm"),
                "Final Answer:")));
        assertThat(((Budget.Forcing) b).plan().waitText(2)).isEqualTo("Wait");
        assertThat(((Budget.Forcing) b).plan().waitText(1)).isEqualTo("Hmm");
    }

    @Test
    void minAboveMaxIsRejectedWithBothNumbers() {
        assertThatThrownBy(() -> BudgetSpec.parse("force:min=500,max=100"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("500").hasMessageContaining("100");
    }

    @Test
    void outOfRangeNumbersNameTheFieldTheBoundsAndTheValue() {
        BudgetSpecException e = catchThrowableOfType(BudgetSpecException.class,
                () -> BudgetSpec.parse("force:max=100,waits=20000"));
        assertThat(e.reason()).isEqualTo(BudgetSpecException.Reason.OUT_OF_RANGE);
        assertThat(e.arguments()).containsExactly("waits", "0", "10000", "20000");
        assertThat(e).hasMessage("waits must be between 0 and 10000, was 20000");
        assertThat(catchThrowableOfType(BudgetSpecException.class, () -> BudgetSpec.parse("tokens:2000000"))
                .arguments()).containsExactly("tokens", "1", "1000000", "2000000");
        // past what an int holds: out of range too, not "not a whole number"
        assertThat(catchThrowableOfType(BudgetSpecException.class, () -> BudgetSpec.parse("tokens:99999999999")))
                .hasMessage("tokens must be between 1 and 1000000, was 99999999999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tokens:-5", "tokens:abc", "effort:huge", "bogus", "force:min=1", "force:max=10,foo=1",
            "tokens:0", ""})
    void badSpecsGiveReadableErrors(String spec) {
        assertThatThrownBy(() -> BudgetSpec.parse(spec)).isInstanceOf(BudgetSpecException.class)
                .message().isNotBlank();
    }

    @Test
    void theShortFormLeavesOutTheDefaultsAndParsesBackToTheSameBudget() {
        for (String spec : java.util.List.of("force:min=0,max=8,waits=0,wait=Wait", "force:min=56,max=256,waits=1",
                "force:min=56,max=256,waits=3,wait=Wait|Hmm", "force:max=64,waits=2", "force:max=9,prefix=Answer:",
                "tokens:8", "effort:high", "none")) {
            Budget b = BudgetSpec.parse(spec);
            assertThat(BudgetSpec.parse(BudgetSpec.formatShort(b))).as(spec).isEqualTo(b);
        }
        assertThat(BudgetSpec.formatShort(BudgetSpec.parse("force:min=0,max=8,waits=0,wait=Wait")))
                .isEqualTo("force:max=8");
        assertThat(BudgetSpec.formatShort(BudgetSpec.parse("force:min=56,max=256,waits=1,wait=Wait")))
                .isEqualTo("force:min=56,max=256,waits=1");
        assertThat(BudgetSpec.formatShort(BudgetSpec.parse("force:min=56,max=256,waits=3,wait=Wait|Hmm")))
                .isEqualTo("force:min=56,max=256,waits=3,wait=Wait|Hmm");
    }
}
