package dev.thinkbench.lab.sweep;

import dev.thinkbench.lab.strategy.Strategies;

import java.util.List;
import java.util.Locale;

/**
 * One colour per strategy, the same in the window's charts and in {@code thinkbench report}'s: a strategy keeps its
 * colour whichever others a sweep runs (the window coloured its curves by their order in a warm theme palette, where
 * fixed's red-orange and majority's orange looked alike, and the report by another order in another palette).
 */
public final class StrategyPalette {

    /** Eight clearly distinct colours (Tableau's), as 0xRRGGBB: blue, red, green, purple, orange, cyan, brown, pink. */
    public static final List<Integer> RGB = List.of(0x1F77B4, 0xD62728, 0x2CA02C, 0x9467BD, 0xFF7F0E, 0x17BECF,
            0x8C564B, 0xE377C2);

    private StrategyPalette() {
    }

    /** The colour of {@code strategy} as 0xRRGGBB: by its place among the known strategies, else by its name. */
    public static int rgb(String strategy) {
        int known = Strategies.NAMES.indexOf(strategy);
        return RGB.get(Math.floorMod(known >= 0 ? known : strategy.hashCode(), RGB.size()));
    }

    /** The colour of {@code strategy} as CSS writes it, {@code #1f77b4}. */
    public static String hex(String strategy) {
        return String.format(Locale.ROOT, "#%06x", rgb(strategy));
    }

    /** Whether {@code name} is a strategy's (a curve per strategy takes its colour; one per difficulty does not). */
    public static boolean isStrategy(String name) {
        return Strategies.NAMES.contains(name);
    }
}
