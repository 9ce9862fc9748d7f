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
        // a change made just before the app is killed (SIGTERM, logout) is written too, not lost with the delay
        AppContext started = context;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.settings().flush();
            } catch (IOException e) {
                System.err.println("Thinkbench: " + e.getMessage());
            }
        }, "thinkbench-settings-flush"));
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
        shutDown(window, tasks, context);
        // The embedded engine's native threads would keep the JVM alive.
        System.exit(0);
    }

    /**
     * What closing the window does before the JVM exits: keeps the session's choices and writes the settings (never
     * over a file this version must not write), stops the window's work and the built-in engine. FX thread.
     */
    static void shutDown(MainWindow window, FxBackgroundTasks tasks, AppContext context) {
        if (window != null) {
            try {
                window.saveSettings();
            } catch (IOException e) {
                System.err.println("Thinkbench: " + e.getMessage());
            }
            window.close();
        }
        tasks.shutdown();
        if (context != null) {
            try {
                context.settings().close();
            } catch (IOException e) {
                System.err.println("Thinkbench: " + e.getMessage());
            }
            context.builtin().close();
        }
    }
}
