package dev.thinkbench.ui.common;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.Worded;
import dev.thinkbench.core.BudgetSpecException;
import dev.thinkbench.core.problemset.LoadIssue;
import dev.thinkbench.core.problemset.ProblemSetReader;
import dev.thinkbench.engine.ChatBudgetMeaning;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.ForcingReasoningEngine;
import dev.thinkbench.lab.strategy.StrategyNote;
import dev.thinkbench.testing.ScriptedTestBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The resource bundle: the same keys in English and Korean, valid patterns, and budgets said in words. */
class MessagesTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/dev/thinkbench/ui/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void koreanTranslatesEveryKeyAndEveryPatternParses() throws IOException {
        Properties en = load("messages.properties");
        Properties ko = load("messages_ko.properties");

        assertThat(ko.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (Properties p : new Properties[] {en, ko}) {
            for (String key : p.stringPropertyNames()) {
                new MessageFormat(p.getProperty(key));
            }
        }
        for (String key : en.stringPropertyNames()) {
            assertThat(arguments(ko.getProperty(key))).as("the arguments of " + key)
                    .isEqualTo(arguments(en.getProperty(key)));
        }
    }

    /**
     * Every string goes through MessageFormat (Messages.get), where a lone apostrophe starts a quote and is dropped:
     * "the engine bar's key field" showed as "the engine bars key field". Between two letters it is always meant.
     */
    @Test
    void noStringDropsAnApostropheBetweenLetters() throws IOException {
        java.util.regex.Pattern lone = java.util.regex.Pattern.compile("\\p{L}'\\p{L}");
        for (String file : List.of("messages.properties", "messages_ko.properties")) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key).replace("''", "");
                assertThat(lone.matcher(pattern).find()).as(file + " " + key + " (write '' for an apostrophe)")
                        .isFalse();
            }
        }
        assertThat(Messages.get("welcome.hosted.text")).contains("the engine bar's key field",
                "the provider's environment variable");
    }

    /**
     * The user trial's Korean window showed a download error, the welcome's micro model line and a license in English,
     * left "DEEPSEEK_API_KEY이(가)" unsettled, and called the engine bar two names.
     */
    @Test
    void aDownloadsStopTheWelcomesModelLineAndKeyLinesAreKorean() throws IOException {
        Properties en = load("messages.properties");
        for (dev.thinkbench.engine.local.models.DownloadWording w
                : dev.thinkbench.engine.local.models.DownloadWording.values()) {
            assertThat(en.getProperty("download.error." + w.name())).as(w.name()).isEqualTo(w.english());
        }
        Messages.setLocale(Locale.KOREAN);
        assertThat(WindowWording.of(Worded.of(dev.thinkbench.engine.local.models.DownloadWording.OFFLINE,
                "huggingface.co"))).startsWith("huggingface.co에 연결할 수 없습니다").doesNotContain("offline");
        assertThat(Messages.get("welcome.builtIn.detail", "micro-reasoner.gguf", "1.3M", "F32"))
                .isEqualTo("micro-reasoner.gguf \u00b7 매개변수 1.3M개 \u00b7 F32");
        for (String key : List.of("welcome.hosted.keySet", "welcome.hosted.keyMissing")) {
            assertThat(Messages.get(key, "DeepSeek", "DEEPSEEK_API_KEY")).as(key).doesNotContain("(가)", "(이)");
        }
        for (String key : List.of("connection.keyVariableMissing", "connection.keyVariableMissingSaved")) {
            assertThat(Messages.get(key, "DEEPSEEK_API_KEY")).as(key).doesNotContain("(가)", "(이)");
        }
        Properties ko = load("messages_ko.properties");
        assertThat(ko.values()).as("the engine bar has one name").noneMatch(v -> v.toString().contains("엔진 막대"));
    }

    @Test
    void everyBudgetErrorIsWordedInBothLanguagesAndTheEnglishMatchesTheCommandLines() throws IOException {
        Properties en = load("messages.properties");
        for (BudgetSpecException.Reason reason : BudgetSpecException.Reason.values()) {
            assertThat(en.getProperty("budget.error." + reason.name())).as(reason.name()).isEqualTo(reason.english());
        }

        Messages.setLocale(Locale.KOREAN);
        assertThat(WindowWording.of(catchThrowableOfType(IllegalArgumentException.class,
                () -> BudgetSpec.parse("tokens:0"))))
                .isEqualTo("tokens은(는) 1에서 1000000 사이여야 합니다 (쓴 값: 0)");
        assertThat(WindowWording.of(catchThrowableOfType(IllegalArgumentException.class,
                () -> BudgetSpec.parse("force:min=500,max=100")))).isEqualTo("min(500)이 max(100)보다 큽니다");
        assertThat(WindowWording.of(new IllegalArgumentException("other")))
                .as("an error that is not a budget spec's keeps its message").isEqualTo("other");
        Messages.setLocale(Locale.ENGLISH);
        assertThat(WindowWording.of(catchThrowableOfType(IllegalArgumentException.class,
                () -> BudgetSpec.parse("effort:huge")))).isEqualTo(
                "unknown effort level 'huge' (use none, minimal, low, medium, high, xhigh or max)");
    }

    @Test
    void everyProblemFileIssueIsWordedInBothLanguagesAndTheEnglishMatchesTheCommandLines() throws IOException {
        Properties en = load("messages.properties");
        for (LoadIssue.Reason reason : LoadIssue.Reason.values()) {
            assertThat(en.getProperty("problems.issue." + reason.name())).as(reason.name())
                    .isEqualTo(reason.english());
        }
        var load = ProblemSetReader.readJsonl("""
                {"id":"a","prompt":"2+2?","answer":"4","difficulty":"hard"}
                {"id":"a","prompt":"3+3?"}
                """, "set.jsonl");

        Messages.setLocale(Locale.KOREAN);
        assertThat(load.issues()).extracting(WindowWording::of).containsExactly(
                "1번째 줄: 문제 'a': difficulty에는 정수를 써야 합니다 (쓴 값: 'hard'). 난이도 없이 불러왔습니다",
                "2번째 줄: id 'a'은(는) 이미 1번째 줄에서 쓰였습니다");
        assertThat(WindowWording.of(LoadIssue.of(1801, LoadIssue.Reason.ID_USED_BEFORE, "b", 1500)))
                .as("line numbers as written, not grouped")
                .isEqualTo("1801번째 줄: id 'b'은(는) 이미 1500번째 줄에서 쓰였습니다");
        Messages.setLocale(Locale.ENGLISH);
        assertThat(WindowWording.of(load.issues().getFirst())).isEqualTo(load.issues().getFirst().toString())
                .isEqualTo("line 1: problem 'a': difficulty must be a whole number, was 'hard'; loaded without one");
    }

    @Test
    void aBudgetsMeaningWhyAnEngineCannotRunItAndWhyACandidateWasPickedAreWordedInBothLanguages() throws IOException {
        Properties en = load("messages.properties");
        for (ForcingReasoningEngine.Meaning reason : ForcingReasoningEngine.Meaning.values()) {
            assertThat(en.getProperty("budget.meaning." + reason.name())).as(reason.name())
                    .isEqualTo(reason.english());
        }
        for (EngineCapabilities.Unsupported reason : EngineCapabilities.Unsupported.values()) {
            assertThat(en.getProperty("budget.unsupported." + reason.name())).as(reason.name())
                    .isEqualTo(reason.english());
        }
        for (ChatBudgetMeaning reason : ChatBudgetMeaning.values()) {
            assertThat(en.getProperty("budget.chat." + reason.name())).as(reason.name()).isEqualTo(reason.english());
        }
        for (StrategyNote reason : StrategyNote.values()) {
            assertThat(en.getProperty("strategy.note." + reason.name())).as(reason.name())
                    .isEqualTo(reason.english());
        }
        ForcingReasoningEngine engine = ForcingReasoningEngine.over(new ScriptedTestBackend(),
                ChatTemplates.CHATML_THINK);
        Budget waits = BudgetSpec.parse("force:min=56,max=256,waits=1,wait=Wait");
        EngineCapabilities chatOnly = new EngineCapabilities(Set.of(Budget.Kind.EFFORT), List.of(EffortLevel.LOW),
                true, false, false);

        Messages.setLocale(Locale.KOREAN);
        assertThat(WindowWording.of(engine.meaning(waits))).isEqualTo(
                "예산 강제: </think>에서 생각을 멈춤, 56 토큰 전에 멈추려 하면 \"Wait\"을(를) 최대 1번 덧붙임, "
                        + "256 토큰에서 \"Final Answer:\"(으)로 답을 강제");
        assertThat(WindowWording.of(chatOnly.unsupported(BudgetSpec.parse("effort:high"))))
                .isEqualTo("노력 'high'은(는) 여기서 제공되지 않습니다. 다음 중 하나를 쓰세요: [low]");
        assertThat(WindowWording.of(Worded.of(StrategyNote.VOTES, 3, 5, "42"))).isEqualTo("42 (5표 중 3표)");
        assertThat(WindowWording.of(Worded.of(ChatBudgetMeaning.DEEPSEEK_EFFORT_MAPPED, "high", "medium")))
                .startsWith("thinking.type=enabled, reasoning_effort=high (DeepSeek에는 low, high, max가 있어 "
                        + "medium은(는) high(으)로 보냄)");
        assertThat(WindowWording.of(Worded.plain("an older file's note"))).as("text with English words only")
                .isEqualTo("an older file's note");
        Messages.setLocale(Locale.ENGLISH);
        assertThat(WindowWording.of(chatOnly.unsupported(waits)))
                .isEqualTo(chatOnly.whyUnsupported(waits)).startsWith("budget forcing needs");
    }

    /** The argument indices a pattern shows, each once, outside quoted text ({@code '{'} is a brace, not one). */
    private static java.util.SortedSet<Integer> arguments(String pattern) {
        String unquoted = pattern.replace("''", "").replaceAll("'[^']*'", "");
        java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\s*(\\d+)").matcher(unquoted);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    @Test
    void thePlaceholderCheckTellsPatternsApart() {
        assertThat(arguments("{0}: {1} is set")).containsExactly(0, 1);
        assertThat(arguments("''{0}'' has '{'braces'}'")).containsExactly(0);
        assertThat(arguments("#{0,number,integer} picked by {1}: {2}")).containsExactly(0, 1, 2);
        assertThat(arguments("{0} only")).isNotEqualTo(arguments("{0} and {1}"));
    }

    @Test
    void koreanViewsGetKoreanTextWithTheArgumentsInKoreanOrder() {
        Messages.setLocale(Locale.KOREAN);
        assertThat(Messages.get("welcome.title")).isEqualTo("Thinkbench\uc5d0 \uc624\uc2e0 \uac83\uc744 "
                + "\ud658\uc601\ud569\ub2c8\ub2e4");
        assertThat(Messages.get("models.error.use", "a.gguf", "not a GGUF file"))
                .isEqualTo("a.gguf\ub97c \uc4f8 \uc218 \uc5c6\uc2b5\ub2c8\ub2e4: not a GGUF file");
        assertThat(Messages.get("find.count", 2, 5)).isEqualTo("2 / 5");
        Messages.setLocale(Locale.ENGLISH);
        assertThat(Messages.get("models.error.use", "a.gguf", "not a GGUF file"))
                .isEqualTo("Cannot use a.gguf: not a GGUF file");
        assertThat(Messages.get("find.count", 2, 5)).isEqualTo("2 of 5");
    }

    @Test
    void stringsFollowTheLocaleAndAMissingKeyShowsItself() {
        Messages.setLocale(Locale.ENGLISH);
        assertThat(Messages.get("verdict.correct")).isEqualTo("right");
        assertThat(Messages.get("verdict.wrong", "11")).isEqualTo("wrong \u00b7 expected 11");
        Messages.setLocale(Locale.KOREAN);
        assertThat(Messages.get("verdict.correct")).isEqualTo("정답");
        assertThat(Messages.korean()).isTrue();
        assertThat(Messages.get("no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void aForcingSpecIsSaidPartByPart() {
        Messages.setLocale(Locale.ENGLISH);

        assertThat(BudgetWords.describe(BudgetSpec.parse("force:min=56,max=256,waits=1,wait=Wait")))
                .isEqualTo("Push for 56 tokens: each time it tries to stop earlier, append \u2018Wait\u2019 (once); after "
                        + "that an early stop stands. "
                        + "At 256 tokens, close its thinking and append \"Final Answer:\" so that it answers.");
        assertThat(BudgetWords.describe(BudgetSpec.parse("force:min=100,max=400,waits=3,wait=Wait|Hmm")))
                .contains("append \u2018Wait\u2019, then \u2018Hmm\u2019 (up to 3 times)");
        assertThat(BudgetWords.describe(BudgetSpec.parse("force:min=0,max=8,waits=0")))
                .startsWith("No minimum: the model may stop thinking whenever it likes.");
        assertThat(BudgetWords.describe(BudgetSpec.parse("tokens:1024"))).startsWith("Think at most 1,024 tokens");
        assertThat(BudgetWords.describe(BudgetSpec.parse("effort:high"))).startsWith("Reasoning effort \"high\"");
        assertThat(BudgetWords.describe(BudgetSpec.parse("none"))).startsWith("No thinking");
        assertThat(BudgetWords.describe(null)).startsWith("Budget spec:");
    }

    @Test
    void theStringsFxmlReadsAsTheyAreHoldNoQuoteOrBrace() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_ko.properties"}) {
            Properties p = load(name);
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("sweep.setup.")) {
                    assertThat(p.getProperty(key)).as(name + " " + key).doesNotContain("'", "{", "}");
                }
            }
        }
        Messages.setLocale(Locale.KOREAN);
        assertThat(Messages.bundle().getString("sweep.setup.title")).isEqualTo("\uc2a4\uc715 \uc124\uc815");
    }
}
