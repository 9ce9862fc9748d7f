package dev.thinkbench.app;

import dev.thinkbench.lab.settings.Settings;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.UiLanguage;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
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
        applyLanguage(context.settings().get());
        window = MainWindow.create(context, tasks);
        // no larger than the screen: on a 1280 x 720 projector the window opens fitting it, laid out for it
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = window.view().createScene(Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        // the session file open or last saved, as desktop apps name their document
        stage.titleProperty().bind(window.sessions().currentFileProperty()
                .map(file -> "Thinkbench \u2014 " + file.getFileName()).orElse("Thinkbench"));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
        window.view().compareView().promptPane().focusPrompt();
        OpenArguments open = OpenArguments.parse(getParameters().getRaw());
        if (open.session() != null) {
            // presenter mode once the session is shown: a file that cannot be opened keeps its problem in view (presenter
            // mode folds the window's messages away, and the room would see the default prompt as if all were well)
            window.sessions().open(open.session(), () -> {
                if (open.present()) {
                    window.presenter().togglePresenting(scene.getHeight());
                }
                if (open.fullScreen()) {
                    window.presenter().toggleFullScreen();
                }
            });
        } else {
            window.showWelcomeIfFirstLaunch();
        }
    }

    /**
     * Shows the window's strings in the language chosen in {@code settings} (the system's by default). Before any
     * view is built: views read their strings once, so a change made in the language menu applies at the next start.
     */
    static void applyLanguage(Settings settings) {
        Messages.setLocale(UiLanguage.fromSettings(settings.language()).locale());
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
