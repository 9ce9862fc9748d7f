package dev.thinkbench.app;

import dev.thinkbench.testing.TinyGguf;
import dev.thinkbench.ui.FxBackgroundTasks;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.thinkbench.testing.Keys.press;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main window as a keyboard and screen-reader user meets it, headless: in each tab (Ctrl+1 to Ctrl+5) the
 * keyboard lands inside the tab, Tab goes round every control that can take the focus and comes back where it began
 * (no control it cannot reach, no control that keeps it), and each control it stops on has a name to be read out:
 * its own text, an accessible text, or a label tied to it with {@code labelFor} (a field's accessible text would
 * stand for its value).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(240)
class AccessibleNamesTest {

    private static final int MOST_STOPS = 150;

    private AppContext context;
    private MainWindow window;
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();

    @Start
    void start(Stage stage) throws IOException {
        AppHome home = AppHome.create(Files.createTempDirectory("thinkbench-accessible-names"));
        TinyGguf.write(home.data().resolve("models/tiny.gguf"));
        context = home.launch(Map.<String, String>of()::get);
        window = MainWindow.create(context, tasks);
        stage.setScene(window.view().createScene(1280, 800));
        stage.show();
    }

    @Stop
    void stop() throws IOException {
        window.close();
        tasks.shutdown();
        context.settings().close();
        context.builtin().close();
    }

    private Node focusOwner() {
        return window.view().getScene().getFocusOwner();
    }

    @Test
    void tabGoesRoundEveryControlOfEachTabAndEachHasANameToReadOut(FxRobot robot) {
        TabPane tabs = window.view().tabs();
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            Tab tab = tabs.getTabs().get(i);
            press(robot, KeyCode.CONTROL, KeyCode.valueOf("DIGIT" + (i + 1)));
            assertThat(tab.isSelected()).isTrue();
            Node landing = focusOwner();
            assertThat(inside(landing, tab.getContent())).as("%s: the keyboard lands in the tab, not on %s",
                    tab.getText(), describe(landing)).isTrue();
            assertThat(name(landing)).as("%s: where it lands, %s, has a name", tab.getText(), describe(landing))
                    .isNotNull();
            if (!landing.isFocusTraversable()) {
                press(robot, KeyCode.TAB); // a pane that takes the keys for its shortcuts: Tab goes round without it
            }

            Node start = focusOwner();
            List<Node> round = new ArrayList<>();
            round.add(start);
            for (int stop = 0; stop < MOST_STOPS; stop++) {
                press(robot, KeyCode.TAB);
                if (focusOwner() == start) {
                    break;
                }
                round.add(focusOwner());
            }
            assertThat(focusOwner()).as("%s: Tab comes back where it began (first stops: %s)", tab.getText(),
                    round.stream().limit(40).map(AccessibleNamesTest::describe).toList()).isSameAs(start);
            assertThat(new LinkedHashSet<>(round)).as("%s: no stop twice in one round", tab.getText())
                    .hasSameSizeAs(round);

            List<String> nameless = round.stream().filter(n -> name(n) == null).map(AccessibleNamesTest::describe)
                    .toList();
            assertThat(nameless).as("%s: stops with nothing to read out", tab.getText()).isEmpty();

            Set<Node> unreached = new LinkedHashSet<>();
            collectFocusable(tab.getContent(), unreached);
            round.forEach(unreached::remove);
            assertThat(unreached.stream().map(AccessibleNamesTest::describe).toList())
                    .as("%s: controls Tab never reaches", tab.getText()).isEmpty();

            press(robot, KeyCode.SHIFT, KeyCode.TAB);
            assertThat(focusOwner()).as("%s: Shift+Tab goes back round", tab.getText())
                    .isSameAs(round.getLast());
        }
    }

    /** What a screen reader names {@code node} by, or null when it has nothing. */
    private static String name(Node node) {
        if (node instanceof TabPane pane) {
            // read out as its tabs, each by its title
            return pane.getTabs().stream().allMatch(t -> notBlank(t.getText())) ? "tabs" : null;
        }
        if (notBlank(node.getAccessibleText())) {
            return node.getAccessibleText();
        }
        if (node instanceof Labeled labeled && notBlank(labeled.getText())) {
            return labeled.getText();
        }
        Label label = labelFor(node.getScene().getRoot(), node);
        return label != null && notBlank(label.getText()) ? label.getText() : null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static Label labelFor(Node root, Node target) {
        if (root instanceof Label label && label.getLabelFor() == target) {
            return label;
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Label found = labelFor(child, target);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The controls under {@code node} that are shown, enabled and take the focus from Tab. */
    private static void collectFocusable(Node node, Set<Node> into) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node.isFocusTraversable() && node instanceof Control) {
            into.add(node);
        }
        if (node instanceof Control control && control.getSkin() != null && !(node instanceof TabPane)) {
            return; // a control's skin parts go with it
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectFocusable(child, into);
            }
        }
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        String text = node instanceof Labeled l ? " '" + l.getText() + "'" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text
                + node.getStyleClass();
    }
}
