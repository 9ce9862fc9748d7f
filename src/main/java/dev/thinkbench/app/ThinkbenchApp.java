package dev.thinkbench.app;

import dev.thinkbench.ui.BackgroundTasks;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.WorkbenchView;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;

/** The JavaFX application: builds the workbench window from the composition root and saves settings on exit. */
public final class ThinkbenchApp extends Application {

    private final BackgroundTasks tasks = new FxBackgroundTasks();
    private WorkbenchView view;
    private AppContext context;

    static void launchApp(String[] args) {
        Application.launch(ThinkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        context = AppContext.create();
        view = WorkbenchFactory.create(context, tasks, context.settings().get());
        Scene scene = view.createScene(1440, 900);
        stage.setTitle("Thinkbench");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
        view.compareView().promptPane().focusPrompt();
    }

    @Override
    public void stop() {
        if (view != null) {
            try {
                context.settings().update(previous -> WorkbenchFactory.settingsOf(view.viewModel(), previous));
            } catch (IOException e) {
                System.err.println("Thinkbench: settings not saved: " + e.getMessage());
            }
        }
        tasks.shutdown();
        if (context != null) {
            context.builtin().close();
        }
        // The embedded engine's native threads would keep the JVM alive.
        System.exit(0);
    }
}
