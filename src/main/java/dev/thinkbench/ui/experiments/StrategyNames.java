package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.strategy.Strategies;
import dev.thinkbench.ui.common.Messages;
import javafx.util.StringConverter;

import java.util.stream.Collectors;

/**
 * How a strategy is named on screen: its name in the window's language ("다수결" for {@code majority}), where the
 * results, the command line and the exported files keep the name {@code --strategy} takes. A name the messages do
 * not know (a strategy from a newer sweep file) is shown as it is. Stateless; any thread.
 */
public final class StrategyNames {

    /** Shows a strategy name in the window's language; {@link #fromString} maps it back. */
    public static final StringConverter<String> CONVERTER = new StringConverter<>() {
        @Override
        public String toString(String name) {
            return name == null ? "" : shown(name);
        }

        @Override
        public String fromString(String shown) {
            return Strategies.NAMES.stream().filter(n -> shown(n).equals(shown)).findFirst().orElse(shown);
        }
    };

    private StrategyNames() {
    }

    /** The strategy's name on screen. */
    public static String shown(String name) {
        String key = "strategy.name." + name;
        String text = Messages.get(key);
        return text.equals(key) ? name : text;
    }

    /** One line per strategy: its name on screen and what it does (the strategy picker's tooltip). */
    static String about() {
        return Strategies.NAMES.stream().map(n -> shown(n) + ": " + Messages.get("strategy.about." + n))
                .collect(Collectors.joining("\n"));
    }
}
