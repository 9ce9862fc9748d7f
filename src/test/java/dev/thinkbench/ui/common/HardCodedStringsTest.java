package dev.thinkbench.ui.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views say nothing in English only: a string literal with words in it, handed straight to a control's text,
 * tooltip, prompt or title, is a string the Korean bundle cannot reach. Such text belongs in messages.properties and
 * messages_ko.properties, read through {@link Messages#get}. Names that are the same in every language are listed.
 */
class HardCodedStringsTest {

    private static final Path UI = Path.of("src/main/java/dev/thinkbench/ui");

    /** Where a user sees the argument as text. */
    private static final Pattern SHOWN = Pattern.compile("(?:new (?:Label|Button|MenuItem|Menu|CheckMenuItem|"
            + "RadioMenuItem|ToggleButton|MenuButton|ToggleSwitch|Tooltip|Tab|TitledPane|CheckBox|RadioButton|"
            + "Hyperlink|TextInputDialog)|Icons\\.tip|Icons\\.button|\\.setText|\\.setPromptText|\\.setTitle|"
            + "\\.setHeaderText|\\.setContentText|\\.setFullScreenExitHint|\\bchoice|\\btell|\\bshow|\\bfail)"
            + "\\(\\s*\"([^\"]*)\"");

    /** Literals that read the same in every language: names and the budget grammar's own words. */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("Thinkbench", "N", "Ollama", "Hmm",
            "none \\u00b7 tokens:N \\u00b7 effort:LEVEL \\u00b7 force:max=N");

    @Test
    void noViewHandsAControlAnEnglishLiteral() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = SHOWN.matcher(lines.get(i));
                    while (m.find()) {
                        String literal = m.group(1);
                        if (literal.matches(".*\\p{IsAlphabetic}{2,}.*") && !SAME_IN_EVERY_LANGUAGE.contains(literal)) {
                            found.add(UI.relativize(file) + ":" + (i + 1) + " \"" + literal + "\"");
                        }
                    }
                }
            }
        }
        assertThat(found).as("user-visible literals that bypass the bundles").isEmpty();
    }

    @Test
    void theScanSeesALiteralHandedToAControl() {
        assertThat(SHOWN.matcher("Button b = new Button(\"Delete\");").find()).isTrue();
        assertThat(SHOWN.matcher("menu.setTooltip(Icons.tip(\"Save the workbench\"));").find()).isTrue();
        assertThat(SHOWN.matcher("tell(\"Saved to \" + file, false);").find()).isTrue();
        assertThat(SHOWN.matcher("new Button(Messages.get(\"models.delete\"))").find()).isFalse();
    }
}
