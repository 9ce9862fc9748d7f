package dev.thinkbench.ui;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.KeyScrolling;
import dev.thinkbench.ui.common.Switches;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * thinkbench.css over the AtlantaFX themes, light and dark: every kind of control the window has shows a 2 px ring of
 * high contrast while it has the focus (and none without it), and focus is not drawn as selection.
 */
@ExtendWith(ApplicationExtension.class)
class FocusRingTest {

    private FlowPane root;
    private final Map<String, Supplier<Node>> rings = new LinkedHashMap<>();
    private final Map<String, Node> focusTargets = new LinkedHashMap<>();
    private ToggleButton english;
    private ToggleButton korean;

    @Start
    void start(Stage stage) {
        root = dev.thinkbench.ui.common.KeyboardModality.track(new FlowPane(12, 12));
        root.setStyle("-fx-padding: 12;");
        add("flat icon button", iconButton(Styles.BUTTON_ICON, Styles.FLAT));
        add("accent button", iconButton(Styles.ACCENT));
        add("add-column button", iconButton("add-column", Styles.FLAT));
        MenuButton menu = new MenuButton("Session");
        menu.getStyleClass().add(Styles.FLAT);
        add("menu button", menu);
        add("switch", Switches.of("Best-of-N"));
        add("check box", new CheckBox("Keep"));
        add("text area", new TextArea("prompt"));
        add("list", new ListView<>(javafx.collections.FXCollections.observableArrayList("lesson 1", "lesson 2")));
        add("table", new TableView<String>());
        TitledPane titled = new TitledPane("System prompt", new Label("x"));
        focusTargets.put("titled pane", titled);
        rings.put("titled pane", () -> titled.lookup(".title"));
        root.getChildren().add(titled);
        TabPane tabs = new TabPane(new Tab("Compare", new Label("a")), new Tab("Stepper", new Label("b")));
        tabs.setPrefSize(220, 80);
        focusTargets.put("tab pane", tabs);
        rings.put("tab pane", () -> tabs.lookup(".tab:selected .tab-label"));
        root.getChildren().add(tabs);
        ScrollPane lesson = new ScrollPane(new Label("lesson text"));
        KeyScrolling.install(lesson);
        add("lesson text", lesson);
        ToggleGroup languages = new ToggleGroup();
        english = new ToggleButton("English");
        korean = new ToggleButton("Korean");
        english.getStyleClass().addAll(Styles.SMALL, Styles.LEFT_PILL);
        korean.getStyleClass().addAll(Styles.SMALL, Styles.RIGHT_PILL);
        english.setToggleGroup(languages);
        korean.setToggleGroup(languages);
        korean.setSelected(true);
        add("segmented toggle", english);
        root.getChildren().add(korean);
        stage.setScene(new Scene(root, 1100, 700));
        stage.getScene().getStylesheets().add(WorkbenchView.STYLESHEET);
        stage.show();
    }

    @Stop
    void stop() {
        Application.setUserAgentStylesheet(null);
    }

    private static Button iconButton(String... classes) {
        return dev.thinkbench.ui.common.Icons.button(null, org.kordamp.ikonli.feather.Feather.REFRESH_CW, "Refresh",
                classes);
    }

    private void add(String name, Node node) {
        focusTargets.put(name, node);
        rings.put(name, () -> node);
        root.getChildren().add(node);
    }

    private static BorderStroke ringOf(Node node) {
        if (!(node instanceof Region r) || r.getBorder() == null || r.getBorder().getStrokes().isEmpty()) {
            return null;
        }
        return r.getBorder().getStrokes().getFirst();
    }

    private void everyControlShowsTheRing(FxRobot robot, boolean dark) {
        ThemeProbe.theme(robot, root, dark);
        Color ring = ThemeProbe.resolved(robot, root, "-color-accent-fg");
        Color ground = ThemeProbe.resolved(robot, root, "-color-bg-default");
        assertThat(ThemeProbe.contrast(ring, ground)).as("the ring on the ground").isGreaterThanOrEqualTo(4.5);
        for (var entry : focusTargets.entrySet()) {
            robot.interact(() -> entry.getValue().requestFocus());
            WaitForAsyncUtils.waitForFxEvents();
            BorderStroke stroke = ringOf(rings.get(entry.getKey()).get());
            assertThat(stroke).as("%s: a ring while focused", entry.getKey()).isNotNull();
            assertThat(stroke.getTopStroke()).as("%s: the ring's colour", entry.getKey()).isEqualTo(ring);
            assertThat(stroke.getWidths().getTop()).as("%s: 2 px", entry.getKey()).isEqualTo(2);
        }
        robot.interact(() -> root.requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        for (var entry : rings.entrySet()) {
            BorderStroke stroke = ringOf(entry.getValue().get());
            assertThat(stroke == null || !ring.equals(stroke.getTopStroke()))
                    .as("%s: no ring without the focus", entry.getKey()).isTrue();
        }
    }

    @Test
    void everyControlShowsATwoPixelRingWhileFocusedInTheDarkTheme(FxRobot robot) {
        everyControlShowsTheRing(robot, true);
    }

    @Test
    void everyControlShowsATwoPixelRingWhileFocusedInTheLightTheme(FxRobot robot) {
        everyControlShowsTheRing(robot, false);
    }

    @Test
    void aButtonClickedWithTheMouseKeepsNoRingUntilAKeyIsPressedWhileAFieldKeepsItsRing(FxRobot robot) {
        ThemeProbe.theme(robot, root, false);
        Color ring = ThemeProbe.resolved(robot, root, "-color-accent-fg");
        Node button = focusTargets.get("accent button");
        Node text = focusTargets.get("text area");

        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button.isFocused()).isTrue();
        BorderStroke clicked = ringOf(button);
        assertThat(clicked == null || !ring.equals(clicked.getTopStroke())).as("clicked: no ring").isTrue();

        robot.clickOn(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ringOf(text)).as("a field clicked into shows where the typing goes").isNotNull();
        assertThat(ringOf(text).getTopStroke()).isEqualTo(ring);

        robot.interact(() -> button.requestFocus());
        robot.type(javafx.scene.input.KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ringOf(button)).as("a key pressed: the ring is back").isNotNull();
        assertThat(ringOf(button).getTopStroke()).isEqualTo(ring);
    }

    @Test
    void aFocusedToggleThatIsNotChosenDoesNotLookChosen(FxRobot robot) {
        ThemeProbe.theme(robot, root, true);
        robot.interact(() -> root.requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        List<?> idle = english.getBackground().getFills().stream().map(f -> f.getFill()).toList();
        robot.interact(english::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(english.isSelected()).isFalse();
        assertThat(english.getBackground().getFills().stream().map(f -> f.getFill()).toList())
                .as("its frame and fill as without the focus").isEqualTo(idle);
        assertThat(korean.getBackground().getFills().getLast().getFill())
                .as("the chosen one is filled").isNotEqualTo(english.getBackground().getFills().getLast().getFill());
    }
}
