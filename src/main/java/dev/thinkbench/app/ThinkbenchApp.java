package dev.thinkbench.app;

import dev.thinkbench.ui.FxBackgroundTasks;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;

/**
 * The JavaFX application: builds the main window from the composition root, shows the welcome on first launch, and
 * saves settings on exit.
 */
public final class ThinkbenchApp extends Application {

    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private MainWindow window;
    private AppContext context;

    static void launchApp(String[] args) {
        Application.launch(ThinkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        context = AppContext.create();
        window = MainWindow.create(context, tasks);
        Scene scene = window.view().createScene(1440, 900);
        stage.setTitle("Thinkbench");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
        window.view().compareView().promptPane().focusPrompt();
        window.showWelcomeIfFirstLaunch();
    }

    @Override
    public void stop() {
        if (window != null) {
            try {
                window.saveSettings();
            } catch (IOException e) {
                System.err.println("Thinkbench: settings not saved: " + e.getMessage());
            }
            window.close();
        }
        tasks.shutdown();
        if (context != null) {
            context.builtin().close();
        }
        // The embedded engine's native threads would keep the JVM alive.
        System.exit(0);
    }
}
