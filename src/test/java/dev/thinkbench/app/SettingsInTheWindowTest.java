package dev.thinkbench.app;

import atlantafx.base.controls.Message;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.Theme;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.UiLanguage;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings file as the window meets it: a broken file is set aside and says so in a banner, a file from a newer
 * Thinkbench survives closing the window, a write that fails shows a banner too, and the language chosen in the top
 * bar's display menu is kept for the next start.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class SettingsInTheWindowTest {

    private static final String NEWER = "{\"schemaVersion\": 7, \"engineId\": \"ollama\", \"theme\": \"dark\", "
            + "\"welcomeSeen\": true, \"somethingNew\": {\"a\": 1}}";

    @TempDir
    Path dir;

    private Stage stage;
    private AppHome home;
    private AppContext context;
    private MainWindow window;
    private FxBackgroundTasks tasks;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (context != null) {
            WaitForAsyncUtils.asyncFx(() -> ThinkbenchApp.shutDown(window, tasks, context)).get(60, TimeUnit.SECONDS);
        }
    }

    private void open() throws Exception {
        context = home.launch(name -> null);
        tasks = new FxBackgroundTasks();
        WaitForAsyncUtils.asyncFx(() -> {
            window = MainWindow.create(context, tasks);
            stage.setScene(window.view().createScene(1280, 800));
            stage.show();
        }).get(60, TimeUnit.SECONDS);
    }

    private List<String> banners() {
        return window.view().notices().stream().map(Message::getDescription).toList();
    }

    @Test
    void aBrokenSettingsFileIsSetAsideAndTheBannerSaysWhere(FxRobot robot) throws Exception {
        home = AppHome.create(dir);
        Files.createDirectories(home.config());
        Files.writeString(home.config().resolve("settings.json.broken"), "an earlier broken file");
        Files.writeString(home.settingsFile(), "{\"schemaVersion\": 1, \"theme\": ");

        open();

        assertThat(banners()).singleElement().asString().contains("unreadable")
                .contains("set aside as settings.json.broken-2").contains("Defaults are in use");
        assertThat(robot.lookup(".workbench-notice").tryQuery()).isPresent();
        assertThat(home.config().resolve("settings.json.broken")).hasContent("an earlier broken file");
        assertThat(home.config().resolve("settings.json.broken-2")).hasContent("{\"schemaVersion\": 1, \"theme\": ");
    }

    @Test
    void aSettingsFileFromANewerVersionSurvivesClosingTheWindow(FxRobot robot) throws Exception {
        home = AppHome.create(dir);
        Files.createDirectories(home.config());
        Files.writeString(home.settingsFile(), NEWER);

        open();
        assertThat(banners()).singleElement().asString().contains("newer Thinkbench").contains("left untouched");
        robot.interact(() -> {
            window.view().viewModel().themeProperty().set(Theme.DARK);
            window.models().viewModel().threadsProperty().set(1);
        });
        WaitForAsyncUtils.asyncFx(() -> ThinkbenchApp.shutDown(window, tasks, context)).get(60, TimeUnit.SECONDS);
        context = null;

        assertThat(home.settingsFile()).hasContent(NEWER);
        try (var files = Files.list(home.config())) {
            assertThat(files).containsExactly(home.settingsFile());
        }
    }

    @Test
    void aSettingsWriteThatFailsShowsABanner(FxRobot robot) throws Exception {
        home = AppHome.create(dir);
        Files.writeString(home.config(), "a file where the config folder should be");

        open();
        assertThat(banners()).isEmpty();
        robot.interact(() -> window.models().viewModel().threadsProperty().set(1));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !banners().isEmpty());
        assertThat(banners()).singleElement().asString().contains("Settings not saved to")
                .contains("your changes hold");
    }

    @Test
    void theLanguageChosenInTheTopBarIsSavedAndAppliedAtTheNextStart(FxRobot robot) throws Exception {
        home = AppHome.create(dir);
        open();
        Menu menu = languageMenu();
        assertThat(radio(menu, "system").isSelected()).as("the system's language by default").isTrue();
        assertThat(item(menu, "languageRestartNote").getText()).isEqualTo("Applies when Thinkbench starts again");
        assertThat(item(menu, "language-ko").getText()).isEqualTo("\ud55c\uad6d\uc5b4");

        robot.interact(() -> item(menu, "language-ko").fire());
        assertThat(window.view().viewModel().languageProperty().get()).isEqualTo(UiLanguage.KOREAN);
        assertThat(radio(menu, "system").isSelected()).isFalse();
        WaitForAsyncUtils.asyncFx(() -> ThinkbenchApp.shutDown(window, tasks, context)).get(60, TimeUnit.SECONDS);
        context = null;
        assertThat(Files.readString(home.settingsFile())).containsPattern("\"language\"\\s*:\\s*\"ko\"");

        try {
            open();
            ThinkbenchApp.applyLanguage(context.settings().get());
            assertThat(Messages.locale()).isEqualTo(Locale.KOREAN);
            assertThat(Messages.get("tab.compare")).isEqualTo("\ube44\uad50");
            Menu again = languageMenu();
            assertThat(radio(again, "ko").isSelected()).isTrue();
        } finally {
            Messages.setLocale(Locale.ENGLISH);
        }
    }

    @Test
    void aColumnsBudgetReachesTheFileAMomentAfterItChangesWithoutClosingTheWindow(FxRobot robot) throws Exception {
        home = AppHome.create(dir);
        open();
        robot.interact(() -> window.view().viewModel().compare().columns().getFirst().budgetTextProperty()
                .set("tokens:77"));

        // written on the settings' own delay: polled, bounded (a window that is killed keeps it)
        for (int i = 0; i < 100 && !(Files.exists(home.settingsFile())
                && Files.readString(home.settingsFile()).contains("tokens:77")); i++) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(home.settingsFile())).contains("tokens:77");
    }

    @Test
    void aClearedTemperatureStaysClearedAtTheNextStart(FxRobot robot) throws Exception {
        home = AppHome.create(dir);
        // on a server engine: the built-in micro model's exercise sets its own greedy temperature at each start
        Files.createDirectories(home.settingsFile().getParent());
        Files.writeString(home.settingsFile(), "{\"schemaVersion\": 1, \"engineId\": \"ollama\", "
                + "\"baseUrls\": {\"ollama\": \"http://127.0.0.1:9\"}, \"welcomeSeen\": true}");
        open();
        var temperature = window.view().viewModel().compare().prompt().temperatureProperty();
        assertThat(temperature.get()).as("the first value, before any was kept").isEqualTo("0.6");

        robot.interact(() -> temperature.set(""));
        WaitForAsyncUtils.asyncFx(() -> ThinkbenchApp.shutDown(window, tasks, context)).get(60, TimeUnit.SECONDS);
        context = null;
        open();

        assertThat(window.view().viewModel().compare().prompt().temperatureProperty().get())
                .as("cleared is the engine's default, kept as the user left it").isEmpty();
    }

    /** The language submenu, in the top bar's display menu. */
    private Menu languageMenu() {
        MenuButton display = (MenuButton) window.view().lookup("#presenterMenu");
        return (Menu) display.getItems().stream().filter(i -> "languageMenu".equals(i.getId())).findFirst()
                .orElseThrow();
    }

    private static MenuItem item(Menu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static RadioMenuItem radio(Menu menu, String language) {
        return (RadioMenuItem) item(menu, "language-" + language);
    }
}
