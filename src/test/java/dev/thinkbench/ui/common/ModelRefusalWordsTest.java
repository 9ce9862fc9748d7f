package dev.thinkbench.ui.common;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.hosted.HostedAssets;
import dev.thinkbench.engine.hosted.HostedModel;
import dev.thinkbench.engine.hosted.HostedModels;
import dev.thinkbench.engine.hosted.anthropic.AnthropicEngine;
import dev.thinkbench.engine.hosted.deepseek.DeepSeekEngine;
import dev.thinkbench.engine.hosted.gemini.GeminiEngine;
import dev.thinkbench.engine.hosted.openai.OpenAiResponsesEngine;
import dev.thinkbench.testing.CollectingSink;
import dev.thinkbench.testing.FakeKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sentence the hosted engines refuse a budget with ({@link ReasoningEngine#whyModelRefuses}, the words their
 * run's own check fails with), for every model of the hosted-models table and one it does not know, in Korean.
 */
class ModelRefusalWordsTest {

    /** Words that read the same in every language: the providers' names and the budget grammar's own words. */
    private static final Set<String> NAMES = names();

    private static Set<String> names() {
        Set<String> out = new TreeSet<>(Set.of("N", "Anthropic", "OpenAI", "Gemini", "DeepSeek"));
        for (EffortLevel level : EffortLevel.values()) {
            out.add(level.wireName());
        }
        return out;
    }

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static EngineConfig config(String id) {
        return new EngineConfig(id, URI.create("http://127.0.0.1:9"), FakeKeys.of("sk", "refusal-test"),
                Duration.ofSeconds(5), null);
    }

    private static List<ReasoningEngine> engines(HostedModels table) {
        return List.of(new AnthropicEngine(config("anthropic"), table),
                new OpenAiResponsesEngine(config("openai"), table), new GeminiEngine(config("gemini"), table),
                new DeepSeekEngine(config("deepseek"), table));
    }

    private static List<Budget> budgets() {
        List<Budget> out = new ArrayList<>();
        for (String spec : List.of("none", "tokens:1", "tokens:100", "tokens:512", "tokens:2048", "tokens:40000",
                "tokens:200000", "force:min=0,max=256,waits=0")) {
            out.add(BudgetSpec.parse(spec));
        }
        for (EffortLevel level : EffortLevel.values()) {
            out.add(BudgetSpec.parse("effort:" + level.wireName()));
        }
        return out;
    }

    /** Each distinct refusal, with the model names of the table (a name stays as it is). */
    private static Set<String> everyRefusal(HostedModels table) {
        Set<String> out = new TreeSet<>();
        for (ReasoningEngine engine : engines(table)) {
            List<String> models = new ArrayList<>(table.forEngine(engine.id()).stream()
                    .map(m -> m.pattern().replace("*", "")).toList());
            models.add("a-model-not-in-the-table");
            for (String model : models) {
                for (Budget budget : budgets()) {
                    String why = engine.whyModelRefuses(budget, model);
                    if (why != null) {
                        out.add(why);
                    }
                }
            }
        }
        return out;
    }

    /** The English words left once the models' names, budget specs, parameters and engines' names are taken out. */
    private static List<String> englishWordsIn(String text, Set<String> models) {
        String rest = text;
        // the longest first: "Gemini 2.5 Flash-Lite" before "Gemini 2.5 Flash"
        for (String name : models.stream().sorted(java.util.Comparator.comparing(String::length).reversed())
                .toList()) {
            rest = rest.replace(name, " ");
        }
        rest = rest.replaceAll("[\\w-]+:[^\\s),]*", " ") // budget specs: tokens:N, effort:low|high
                .replaceAll("\\b\\w*_\\w*\\b", " ") // parameters: max_tokens
                // engines and parameters by their own names
                .replaceAll("\\b(?:top-p|deepseek-prefix|chat-prefix|DeepSeek prefix|llama\\.cpp|vLLM completions|"
                        + "Ollama raw)\\b", " ");
        List<String> words = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z]{2,}").matcher(rest);
        while (m.find()) {
            if (!NAMES.contains(m.group())) {
                words.add(m.group());
            }
        }
        return words;
    }

    @Test
    void everyRefusalAHostedEngineGivesReadsInKoreanAndAsItIsInEnglish() {
        HostedModels table = HostedAssets.models();
        Set<String> refusals = everyRefusal(table);
        Set<String> names = new TreeSet<>(table.forEngine("anthropic").stream().map(HostedModel::name).toList());
        for (String engine : List.of("openai", "gemini", "deepseek")) {
            table.forEngine(engine).forEach(m -> names.add(m.name()));
        }
        names.add("a-model-not-in-the-table");
        assertThat(refusals).as("the checks this test covers").hasSizeGreaterThan(20)
                .anyMatch(r -> r.contains("takes no effort levels"))
                .anyMatch(r -> r.contains("takes no thinking-token budget"))
                .anyMatch(r -> r.contains("tokens, not 512"))
                .anyMatch(r -> r.contains("cannot switch thinking off"))
                .anyMatch(r -> r.startsWith("Anthropic's smallest"))
                .anyMatch(r -> r.startsWith("budget_tokens must stay below"))
                .anyMatch(r -> r.startsWith("OpenAI has no thinking-token budget"))
                .anyMatch(r -> r.startsWith("DeepSeek has no thinking-token budget"))
                .anyMatch(r -> r.startsWith("budget forcing on DeepSeek"));

        Messages.setLocale(Locale.ENGLISH);
        assertThat(refusals).allSatisfy(r -> assertThat(ModelRefusalWords.say(r)).isEqualTo(r));

        Messages.setLocale(Locale.KOREAN);
        assertThat(refusals).allSatisfy(r -> {
            String korean = ModelRefusalWords.say(r);
            assertThat(korean).as(r).isNotEqualTo(r).containsPattern("[\\uac00-\\ud7a3]");
            assertThat(englishWordsIn(korean, names)).as("English left in: " + korean).isEmpty();
        });
    }

    /** The run's own check words a refusal the typed budget cannot show (a top-p the model refuses to think with). */
    @Test
    void theRunsOwnCheckSaysItsRefusalsWithTheSameWords() {
        ReasoningEngine anthropic = engines(HostedAssets.models()).getFirst();
        CollectingSink sink = new CollectingSink();
        sink.awaitEnd(anthropic.start(new RunSpec("2 + 2?", "", "claude-sonnet-4-5", BudgetSpec.parse("tokens:2048"),
                new Sampling(null, 0.5, null, null)), sink));
        assertThat(sink.failure().kind()).isEqualTo(FailureKind.UNSUPPORTED);

        Messages.setLocale(Locale.KOREAN);
        assertThat(ModelRefusalWords.say(sink.failure().message())).isEqualTo(
                "\uc0dd\uac01\ud558\ub294 \ub3d9\uc548 Anthropic\uc740 top-p\ub97c 0.95\uc5d0\uc11c 1 \uc0ac\uc774\ub85c"
                        + "\ub9cc \ubc1b\uc2b5\ub2c8\ub2e4. \ube44\uc6cc \ub450\uac70\ub098 \uc608\uc0b0 none\uc744 "
                        + "\uc4f0\uc138\uc694");
    }

    @Test
    void openAisRefusalOfATopPWhileReasoningReadsInKorean() {
        ReasoningEngine openAi = engines(HostedAssets.models()).get(1);
        CollectingSink sink = new CollectingSink();
        sink.awaitEnd(openAi.start(new RunSpec("2 + 2?", "", "gpt-5.5", BudgetSpec.parse("effort:high"),
                new Sampling(null, 0.5, null, null)), sink));
        assertThat(sink.failure().kind()).isEqualTo(FailureKind.UNSUPPORTED);

        Messages.setLocale(Locale.KOREAN);
        assertThat(ModelRefusalWords.say(sink.failure().message()))
                .isEqualTo("OpenAI\uc758 \ucd94\ub860 \ubaa8\ub378\uc740 \ucd94\ub860\ud558\ub294 \ub3d9\uc548 "
                        + "top-p\ub97c \ubc1b\uc9c0 \uc54a\uc2b5\ub2c8\ub2e4. \ube44\uc6cc \ub450\uac70\ub098 "
                        + "\uc608\uc0b0 none\uc744 \uc4f0\uc138\uc694");
    }

    @Test
    void aReasonTheListDoesNotKnowShowsAsItIs() {
        Messages.setLocale(Locale.KOREAN);
        assertThat(ModelRefusalWords.say("a reason added later; use effort:low or none"))
                .isEqualTo("a reason added later; use effort:low or none");
        assertThat(ModelRefusalWords.say("")).isEmpty();
        assertThat(ModelRefusalWords.say(null)).isNull();
    }

    @Test
    void theWaysToGoOnAreSaidPartByPart() {
        Messages.setLocale(Locale.KOREAN);
        assertThat(ModelRefusalWords.say("Claude Sonnet 4.5 takes no effort levels (manual thinking: budget_tokens from 1,024, "
                + "below max_tokens; no effort levels); use tokens:N (N from 1,024 to 63,999) or none."))
                .isEqualTo("Claude Sonnet 4.5\uc5d0\ub294 \ub178\ub825 \uc218\uc900\uc774 \uc5c6\uc2b5\ub2c8\ub2e4. "
                        + "tokens:N (N\uc740 1,024~63,999) \ub610\ub294 none\uc744(\ub97c) \uc4f0\uc138\uc694.");
        assertThat(ModelRefusalWords.say("Model X takes no thinking-token budget (its knob); use effort:low|high or "
                + "tokens:N (N from 1 to 9) or none."))
                .as("three ways, each said").contains("effort:low|high \ub610\ub294 tokens:N (N\uc740 1~9) "
                        + "\ub610\ub294 none");
    }
}
