package dev.thinkbench.lab.export;

/**
 * The file names a sweep's figures are written under: the same from the command line's {@code report} and the
 * window's export, so a folder of either reads alike. Pure.
 */
public final class FigureFiles {

    private FigureFiles() {
    }

    /** {@code accuracy-by-difficulty-<strategy>.png}, the strategy's name made safe for a file name. */
    public static String byDifficulty(String strategy) {
        return "accuracy-by-difficulty-" + strategy.replaceAll("[^A-Za-z0-9-]", "_") + ".png";
    }
}
