package dev.thinkbench.app;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code thinkbench open FILE [--present] [--full-screen]}: the workbench opens with a saved session ready to replay,
 * in presenter mode and full screen if asked (for a talk). Anything it does not know is ignored with a word on
 * stderr, so the window still opens.
 *
 * @param session the session file, null when not given
 */
record OpenArguments(Path session, boolean present, boolean fullScreen) {

    static final String OPEN = "open";
    /** What {@code open --help} prints. */
    static final String USAGE = """
            Usage: thinkbench open FILE [--present] [--full-screen]
            Opens the workbench window with a saved session (a .json file from Save or compare --save) ready to
            replay: Space plays, the speed buttons pace it.
                  --present       in presenter mode (large text, chrome hidden; Ctrl+Shift+P leaves it)
                  --full-screen   full screen (F11 leaves it)
            A display is needed; on a machine without one, use replay or export on the command line.""";

    static OpenArguments parse(List<String> raw) {
        if (raw.isEmpty() || !OPEN.equals(raw.getFirst())) {
            return new OpenArguments(null, false, false);
        }
        Path file = null;
        boolean present = false;
        boolean full = false;
        for (String a : raw.subList(1, raw.size())) {
            switch (a) {
                case "--present" -> present = true;
                case "--full-screen" -> full = true;
                default -> {
                    if (a.startsWith("-") || file != null) {
                        System.err.println("thinkbench: open: ignoring '" + a + "' (use: open FILE [--present] "
                                + "[--full-screen])");
                    } else {
                        file = Path.of(a);
                    }
                }
            }
        }
        return new OpenArguments(file, present, full);
    }
}
