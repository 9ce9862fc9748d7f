package dev.thinkbench.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @Test
    void aTextStartingAsAFormulaGetsAnApostropheAndOnlyThen() {
        for (String formula : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(CsvCells.notAFormula(formula)).as(formula).isEqualTo("'" + formula);
        }
        for (String plain : new String[] {"", "1-1", "a=b", " =1", "'=1"}) {
            assertThat(CsvCells.notAFormula(plain)).as(plain).isEqualTo(plain);
        }
    }

    @Test
    void aCellIsQuotedOnlyWhenItHoldsACommaAQuoteOrALineBreak() {
        assertThat(CsvCells.text(null)).isEmpty();
        assertThat(CsvCells.text("plain")).isEqualTo("plain");
        assertThat(CsvCells.text("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
        assertThat(CsvCells.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.text("=A1,B1")).isEqualTo("\"'=A1,B1\"");
        assertThat(CsvCells.quoted("-5")).as("a number is the caller's to leave as it is").isEqualTo("-5");
    }
}
