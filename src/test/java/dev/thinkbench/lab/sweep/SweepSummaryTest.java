package dev.thinkbench.lab.sweep;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SweepSummaryTest {

    static SweepRecord rec(String label, String budget, String strategy, String problem, Boolean correct,
                           Integer tokens) {
        return new SweepRecord(problem, label, budget, strategy, 0, "ok", correct == null ? null : "1",
                correct == null ? null : "1", correct, tokens, 2, 100L, 0.001, "e", null);
    }

    static SweepRecord failed(String label, String budget, String strategy) {
        return new SweepRecord("pf", label, budget, strategy, 0, "failed", null, "1", null, null, null, 5L, null,
                "e", "boom");
    }

    /** {@code correct} of {@code n} runs of a point, each thinking {@code tokens}. */
    static List<SweepRecord> point(String label, String budget, String strategy, int correct, int n, int tokens) {
        List<SweepRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(rec(label, budget, strategy, "p" + i, i < correct, tokens));
        }
        return out;
    }

    @Test
    void rowsCountGradedRunsAndKeepFailedAndUngradedApart() {
        List<SweepRecord> records = new ArrayList<>(point("small", "tokens:8", "fixed", 3, 4, 8));
        records.add(failed("small", "tokens:8", "fixed"));
        records.add(rec("small", "tokens:8", "fixed", "proof", null, 8));
        records.addAll(point("large", "tokens:64", "fixed", 4, 4, 40));

        List<SummaryRow> rows = SweepSummary.rows(records);
        assertThat(rows).extracting(SummaryRow::label).containsExactly("small", "large");
        SummaryRow small = rows.getFirst();
        assertThat(small.n()).isEqualTo(4);
        assertThat(small.correct()).isEqualTo(3);
        assertThat(small.accuracy()).isEqualTo(0.75);
        assertThat(small.failed()).isEqualTo(1);
        assertThat(small.ungraded()).isEqualTo(1);
        assertThat(small.meanThinkingTokens()).isEqualTo(8.0);
        assertThat(small.meanTotalMs()).isEqualTo(100.0);
        assertThat(small.costUsd()).isCloseTo(0.005, within(1e-12));
        assertThat(small.wilson().low()).isCloseTo(0.3006, within(1e-3));
        assertThat(small.wilson().high()).isCloseTo(0.9544, within(1e-3));
    }

    /** A failed run that cost {@code usd} (0: nothing was generated, as a run refused at once). */
    static SweepRecord failedCosting(String label, String strategy, double usd) {
        return new SweepRecord("pf", label, "tokens:8", strategy, 0, "failed", null, "1", null, null, null, 5L, usd,
                "e", "rejected");
    }

    @Test
    void aRowWhoseRunsAllFailedUnbilledHasNoKnownCostWhileBilledFailuresAndFreeRunsKeepTheirs() {
        List<SweepRecord> records = new ArrayList<>();
        records.add(failedCosting("none", "fixed", 0.0));
        records.add(failedCosting("none", "fixed", 0.0));
        records.add(failedCosting("billed", "fixed", 0.0));
        records.add(failedCosting("billed", "fixed", 0.002));
        SweepRecord freeRun = rec("local", "tokens:8", "fixed", "p1", true, 8);
        records.add(new SweepRecord(freeRun.problemId(), "local", "tokens:8", "fixed", 0, "ok", "1", "1", true, 8, 2,
                100L, 0.0, "e", null));
        records.add(failedCosting("local", "fixed", 0.0));
        Map<String, SummaryRow> byLabel = new java.util.HashMap<>();
        SweepSummary.rows(records).forEach(r -> byLabel.put(r.label(), r));

        assertThat(byLabel.get("none").costUsd()).as("nothing was generated: not known to be free").isNull();
        assertThat(byLabel.get("billed").costUsd()).isCloseTo(0.002, within(1e-12));
        assertThat(byLabel.get("local").costUsd()).as("a run that finished free").isZero();
    }

    @Test
    void aResumedSweepsRunsInFinishingOrderAreSummedUpStrategyByStrategyInOneBudgetOrder() {
        List<SweepRecord> records = new ArrayList<>();
        records.addAll(point("none", "none", "fixed", 1, 2, 0));
        records.addAll(point("cap32", "tokens:32", "fixed", 1, 2, 30));
        records.addAll(point("none", "none", "majority", 1, 2, 0));
        // resumed: the rest finished in another order
        records.addAll(point("cap64", "tokens:64", "adaptive", 2, 2, 50));
        records.addAll(point("cap64", "tokens:64", "fixed", 2, 2, 60));
        records.addAll(point("cap32", "tokens:32", "majority", 1, 2, 90));
        records.addAll(point("none", "none", "adaptive", 0, 2, 0));
        records.addAll(point("cap64", "tokens:64", "majority", 2, 2, 180));

        assertThat(SweepSummary.rows(records)).extracting(r -> r.strategy() + " " + r.label()).containsExactly(
                "fixed none", "fixed cap32", "fixed cap64", "majority none", "majority cap32", "majority cap64",
                "adaptive none", "adaptive cap64");
    }

    @Test
    void wilsonIntervalsStayInsideZeroAndOne() {
        assertThat(Wilson.of(0, 10).low()).isZero();
        assertThat(Wilson.of(0, 10).high()).isCloseTo(0.2775, within(1e-3));
        assertThat(Wilson.of(10, 10).high()).isCloseTo(1.0, within(1e-12));
        assertThat(Wilson.of(0, 0)).isEqualTo(new Wilson(0, 1));
    }

    @Test
    void s1MeasuresAndTheSaturationPointOfARisingThenFlatCurve() {
        List<SweepRecord> records = new ArrayList<>();
        records.addAll(point("none", "none", "fixed", 0, 10, 0));
        records.addAll(point("cap8", "force:min=0,max=8,waits=0", "fixed", 2, 10, 8));
        records.addAll(point("cap32", "force:min=0,max=32,waits=0", "fixed", 6, 10, 24));
        records.addAll(point("cap64", "force:min=0,max=64,waits=0", "fixed", 10, 10, 30));
        records.addAll(point("cap128", "force:min=0,max=128,waits=0", "fixed", 10, 10, 31));
        records.add(rec("cap128", "force:min=40,max=128,waits=1", "fixed", "x", true, 31));

        ScalingMeasures m = SweepSummary.measures(records).getFirst();
        assertThat(m.strategy()).isEqualTo("fixed");
        assertThat(m.performance()).isEqualTo(1.0);
        assertThat(m.saturationLabel()).isEqualTo("cap64");
        assertThat(m.control()).as("one run thought less than its minimum of 40").isCloseTo(50.0 / 51,
                within(1e-9));
        assertThat(m.scalingPerDoubling()).isPositive();
        assertThat(m.scalingPerKiloToken()).isPositive();
    }

    @Test
    void scalingIsTheMeanPairwiseSlope() {
        List<SummaryRow> curve = SweepSummary.rows(new ArrayList<>(List.of())).stream().toList();
        assertThat(curve).isEmpty();
        List<SweepRecord> records = new ArrayList<>();
        records.addAll(point("a", "tokens:1000", "fixed", 1, 10, 1000));
        records.addAll(point("b", "tokens:2000", "fixed", 3, 10, 2000));
        records.addAll(point("c", "tokens:4000", "fixed", 5, 10, 4000));
        ScalingMeasures m = SweepSummary.measures(records).getFirst();
        // pairs (a,b) 20 pts over 1k, (a,c) 40 over 3k, (b,c) 20 over 2k
        assertThat(m.scalingPerKiloToken()).isCloseTo((20 + 40 / 3.0 + 10) / 3, within(1e-9));
        assertThat(m.scalingPerDoubling()).isCloseTo((20 + 20 + 20) / 3.0, within(1e-9));
        assertThat(m.tokenSpan()).as("from 1,000 to 4,000 mean thinking tokens").isCloseTo(3000, within(1e-9));
        assertThat(m.saturationLabel()).as("still rising").isNull();
    }

    @Test
    void controlIsOnlyMeasuredForSingleRunsWithBoundedBudgets() {
        List<SweepRecord> records = new ArrayList<>(point("a", "effort:high", "fixed", 1, 2, 10));
        records.addAll(point("b", "tokens:8", "majority", 1, 2, 40));
        assertThat(SweepSummary.control("fixed", records)).isNull();
        assertThat(SweepSummary.control("majority", records)).isNull();
    }

    @Test
    void equalComputeTakesEachStrategysBestPointWithinTheBudget() {
        List<SweepRecord> records = new ArrayList<>();
        records.addAll(point("small", "tokens:8", "fixed", 2, 10, 8));
        records.addAll(point("large", "tokens:64", "fixed", 7, 10, 50));
        records.addAll(point("small", "tokens:8", "majority", 4, 10, 40));
        records.addAll(point("large", "tokens:64", "majority", 9, 10, 250));
        List<SummaryRow> rows = SweepSummary.rows(records);

        List<SweepSummary.EqualCompute> at60 = SweepSummary.equalCompute(rows, 60);
        assertThat(at60).extracting(SweepSummary.EqualCompute::strategy).containsExactly("fixed", "majority");
        assertThat(at60.get(0).point().label()).isEqualTo("large");
        assertThat(at60.get(1).point().accuracy()).isEqualTo(0.4);
        assertThat(SweepSummary.equalCompute(rows, 5)).allSatisfy(e -> assertThat(e.point()).isNull());
    }

    @Test
    void rowsSplitByDifficulty() {
        List<SweepRecord> records = new ArrayList<>(point("cap", "tokens:8", "fixed", 1, 2, 8));
        Map<Integer, List<SummaryRow>> split = SweepSummary.byDifficulty(records, id -> id.equals("p0") ? 1 : 2);
        assertThat(split.keySet()).containsExactly(1, 2);
        assertThat(split.get(1).getFirst().accuracy()).isEqualTo(1.0);
        assertThat(split.get(2).getFirst().accuracy()).isEqualTo(0.0);
    }
}
