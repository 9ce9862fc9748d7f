package dev.thinkbench.app;

import dev.thinkbench.lab.settings.CurrentSettings;
import dev.thinkbench.ui.WorkbenchView;
import javafx.application.Platform;

/**
 * Shows the settings' problems where the user looks: a banner in the workbench for a file that was set aside, one
 * from a newer Thinkbench, or a write that failed. Install on the FX thread; problems found on the settings' writer
 * thread reach the banner through the FX thread.
 */
final class SettingsNotices {

    static final String TITLE = "Settings";

    private SettingsNotices() {
    }

    static void install(CurrentSettings settings, WorkbenchView view) {
        String now = settings.problem();
        if (now != null) {
            view.showNotice(TITLE, now);
        }
        settings.setOnProblem(message -> {
            if (Platform.isFxApplicationThread()) {
                view.showNotice(TITLE, message);
            } else {
                Platform.runLater(() -> view.showNotice(TITLE, message));
            }
        });
    }
}
