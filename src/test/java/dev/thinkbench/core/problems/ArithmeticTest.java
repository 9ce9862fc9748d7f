package dev.thinkbench.core.problems;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArithmeticTest {

    private static String lines(java.util.List<Step> steps) {
        return String.join(" ", steps.stream().map(Step::line).toList());
    }

    @Test
    void aProductWithATwoDigitFactorIsWorkedInPartsLargerFactorFirst() {
        assertThat(lines(Arithmetic.product(3, 24))).isEqualTo("20*3=60 4*3=12 60+12=72");
        assertThat(lines(Arithmetic.product(24, 3))).isEqualTo("20*3=60 4*3=12 60+12=72");
        assertThat(lines(Arithmetic.product(2, 124))).isEqualTo("120*2=240 4*2=8 240+8=248");
    }

    @Test
    void roundAndOneDigitProductsTakeOneLine() {
        assertThat(lines(Arithmetic.product(3, 8))).isEqualTo("8*3=24");
        assertThat(lines(Arithmetic.product(4, 30))).isEqualTo("30*4=120");
        assertThat(lines(Arithmetic.product(1, 37))).isEqualTo("37*1=37");
    }

    @Test
    void everyProductUpToNineHundredNinetyNineIsExact() {
        for (int k = 2; k <= 9; k++) {
            for (int m = 2; m * k <= 999; m++) {
                var steps = Arithmetic.product(k, m);
                assertThat(steps.getLast().result()).isEqualTo(k * m);
                assertThat(steps).hasSizeBetween(1, 3);
            }
        }
    }

    @Test
    void addingOrTakingAThreeDigitNumberTakesItsHundredsFirst() {
        assertThat(lines(Arithmetic.apply(316, Op.ADD, 478))).isEqualTo("316+400=716 716+78=794");
        assertThat(lines(Arithmetic.apply(481, Op.SUB, 107))).isEqualTo("481-100=381 381-7=374");
        assertThat(lines(Arithmetic.apply(45, Op.ADD, 300))).isEqualTo("45+300=345");
        for (int a = 0; a <= 999; a += 7) {
            for (int b = 100; a + b <= 999; b += 13) {
                assertThat(Arithmetic.apply(a, Op.ADD, b).getLast().result()).isEqualTo(a + b);
                assertThat(Arithmetic.apply(a + b, Op.SUB, b).getLast().result()).isEqualTo(a);
            }
        }
    }

    @Test
    void otherOperationsAreOneLine() {
        assertThat(lines(Arithmetic.apply(345, Op.ADD, 78))).isEqualTo("345+78=423");
        assertThat(lines(Arithmetic.apply(96, Op.DIV, 4))).isEqualTo("96/4=24");
        assertThat(lines(Arithmetic.apply(39, Op.MUL, 2))).isEqualTo("30*2=60 9*2=18 60+18=78");
    }
}
