package dev.thinkbench.app;

import dev.thinkbench.ui.WorkbenchView;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.help.HelpView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * F1 and the help button: the help card over the workbench (how to read budgets, forcing specs, charts and marks, in
 * the user's language: {@code assets/lessons/<language>/help.md}), from which the welcome opens. FX thread only.
 */
final class HelpFlow {

    private final WorkbenchView view;
    private final Path lessons;
    private final Runnable welcome;
    private HelpView shown;

    /** @param welcome shows the welcome (called once the help card is closed) */
    HelpFlow(WorkbenchView view, Path assets, Runnable welcome) {
        this.view = view;
        this.lessons = assets.resolve("lessons");
        this.welcome = welcome;
    }

    /** Shows the help card. */
    void show() {
        if (view.overlayShowing()) {
            return;
        }
        shown = new HelpView(markdown(), () -> {
            close();
            welcome.run();
        }, this::close);
        view.showOverlay(shown, this::close);
    }

    private void close() {
        view.closeOverlay();
        shown = null;
    }

    /** The help card on screen, null when closed. */
    HelpView shown() {
        return shown;
    }

    private String markdown() {
        String language = Messages.korean() ? "ko" : "en";
        for (String l : new String[] {language, "en"}) {
            try {
                return Files.readString(lessons.resolve(l).resolve("help.md"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                // try English, then say it is missing
            }
        }
        return "# Help\n\nThe help text is missing from " + lessons + ".";
    }
}
