package dev.thinkbench.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: builds the workbench window from the composition root. */
public final class ThinkbenchApp extends Application {

    static void launchApp(String[] args) {
        Application.launch(ThinkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Thinkbench");
        stage.setScene(new Scene(new Label("Thinkbench"), 1280, 800));
        stage.show();
    }

    @Override
    public void stop() {
        // The embedded engine's native threads would keep the JVM alive.
        System.exit(0);
    }
}
