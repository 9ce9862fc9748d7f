package dev.thinkbench.ui.common;

import dev.thinkbench.core.BudgetSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

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
                .isEqualTo("Think at least 56 tokens; if it tries to stop earlier, append \u2018Wait\u2019 once. "
                        + "At 256 tokens, close its thinking and append \"Final Answer:\" so that it answers.");
        assertThat(BudgetWords.describe(BudgetSpec.parse("force:min=100,max=400,waits=3,wait=Wait|Hmm")))
                .contains("append \u2018Wait\u2019, then \u2018Hmm\u2019 up to 3 times");
        assertThat(BudgetWords.describe(BudgetSpec.parse("force:min=0,max=8,waits=0")))
                .startsWith("No minimum: the model may stop thinking whenever it likes.");
        assertThat(BudgetWords.describe(BudgetSpec.parse("tokens:1024"))).startsWith("Think at most 1,024 tokens");
        assertThat(BudgetWords.describe(BudgetSpec.parse("effort:high"))).startsWith("Reasoning effort \"high\"");
        assertThat(BudgetWords.describe(BudgetSpec.parse("none"))).startsWith("No thinking");
        assertThat(BudgetWords.describe(null)).startsWith("Budget spec:");
    }
}
