package dev.thinkbench.lab.export;

import dev.thinkbench.core.Money;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.TokenCount;
import dev.thinkbench.lab.session.RunSetup;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run whose engine reports only its whole output (Anthropic bills thinking as output and never counts it apart):
 * the exports keep that sum rather than showing its thinking and answer as unknown and nothing else.
 */
class UnsplitOutputReportTest {

    private static final RunMetrics ANTHROPIC = new RunMetrics(TokenCount.reported(30), TokenCount.unknown(),
            TokenCount.unknown(), 900L, 4900L, 4000L, 5700L, 150.0,
            new Money(new BigDecimal("0.012"), "USD", "list price"), 0, null, 4800L, 812);
    private static final RunMetrics COUNTED = new RunMetrics(TokenCount.reported(30), TokenCount.counted(40),
            TokenCount.counted(5), 90L, 490L, 400L, 570L, 150.0, Money.free("USD", "local"), 0);

    private static ComparisonReport report() {
        RunSetup setup = new RunSetup("What is 2 + 2?", "", "anthropic", "Anthropic", "claude-sonnet-4-5", null,
                "ANTHROPIC_API_KEY", new Sampling(null, null, null, null), null, "4");
        return new ComparisonReport(Instant.parse("2026-12-05T10:00:00Z"), "", setup, List.of(
                new ComparisonReport.Column("4k", "tokens:4096", RunStatus.OK, "", "", "summary", "4", Verdict.CORRECT,
                        ANTHROPIC),
                new ComparisonReport.Column("local", "tokens:64", RunStatus.OK, "", "", "2+2=4", "4",
                        Verdict.CORRECT, COUNTED)), null);
    }

    @Test
    void theCsvHasTheWholeOutputBesideItsParts() {
        List<String> lines = MetricsCsv.write(report()).lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int output = header.indexOf("output_tokens");

        assertThat(output).isEqualTo(header.indexOf("answer_tokens") + 1);
        assertThat(lines.get(1).split(",", -1)[output]).isEqualTo("812");
        assertThat(lines.get(1).split(",", -1)[header.indexOf("thinking_tokens")]).isEmpty();
        assertThat(lines.get(2).split(",", -1)[output]).isEqualTo("45");
    }

    @Test
    void theReportsSayTheThinkingWasAtMostTheWholeOutput() {
        String markdown = MarkdownReport.write(report(), Map.of());
        String html = HtmlReport.write(report(), Map.of());

        assertThat(markdown).contains("| \u2264 812 (whole output) |").contains("| 40\\* |")
                .contains("<summary>Thinking (at most 812 tokens)</summary>")
                .contains("<summary>Thinking (40* tokens)</summary>");
        assertThat(html).contains("\u2264 812 (whole output)").contains("Thinking (at most 812 tokens)");
    }

    @Test
    void theTokensChartDrawsTheSumOnlyWhereThePartsAreUnknown() {
        assertThat(ANTHROPIC.unsplitOutputTokens()).isEqualTo(812);
        assertThat(COUNTED.unsplitOutputTokens()).isNull();
        assertThat(ChartImages.render(report())).containsKeys("charts.png", "tokens.png");
    }
}
