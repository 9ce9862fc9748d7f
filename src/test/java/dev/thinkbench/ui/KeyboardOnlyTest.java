package dev.thinkbench.ui;

import atlantafx.base.controls.ToggleSwitch;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.testing.OpenAiChatTestServer;
import dev.thinkbench.ui.common.SceneGraph;
import dev.thinkbench.ui.compare.PromptViewModel;
import dev.thinkbench.ui.help.HelpView;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench with the keyboard only, headless: Tab leaves the prompts without changing them, the help card keeps
 * the focus while it shows and scrolls with the keys, the budget's meaning shows when its field has the focus, and
 * the Best-of-N switch turns with Space.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardOnlyTest {

    private final OpenAiChatTestServer server = OpenAiChatTestServer.start().models("qwen3-8b");
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws IOException {
        view = WorkbenchFixture.openAiCompatible(server);
        stage.setScene(view.createScene(1280, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PromptViewModel prompt() {
        return view.viewModel().compare().prompt();
    }

    private Node focusOwner() {
        return view.getScene().getFocusOwner();
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tabLeavesThePromptWhichKeepsItsTextSampleAndExpectedAnswer(FxRobot robot) {
        SamplePrompt sample = prompt().samples().getFirst();
        robot.interact(() -> {
            prompt().sampleProperty().set(sample);
            prompt().expectedProperty().set("11");
        });
        String text = prompt().promptProperty().get();
        TextArea area = robot.lookup("#promptArea").queryAs(TextArea.class);
        robot.interact(() -> {
            area.requestFocus();
            area.end();
        });

        press(robot, KeyCode.TAB);
        assertThat(area.isFocused()).as("the focus went on").isFalse();
        assertThat(prompt().promptProperty().get()).isEqualTo(text);
        assertThat(prompt().sampleProperty().get()).as("the sample still picked").isEqualTo(sample);
        assertThat(prompt().expectedProperty().get()).isEqualTo("11");

        press(robot, KeyCode.SHIFT, KeyCode.TAB);
        assertThat(area.isFocused()).as("Shift+Tab came back").isTrue();
        assertThat(prompt().promptProperty().get()).isEqualTo(text);
    }

    @Test
    void tabLeavesTheSystemPromptToo(FxRobot robot) {
        TitledPane system = robot.lookup(".titled-pane").match(n -> n instanceof TitledPane t
                && t.getContent() instanceof TextArea).queryAs(TitledPane.class);
        TextArea area = (TextArea) system.getContent();
        robot.interact(() -> {
            system.setExpanded(true);
            prompt().systemProperty().set("Be brief.");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(area::requestFocus);

        press(robot, KeyCode.TAB);
        assertThat(area.isFocused()).isFalse();
        assertThat(prompt().systemProperty().get()).isEqualTo("Be brief.");
    }

    @Test
    void theHelpCardKeepsTheFocusWhileItShowsAndItsTextScrollsWithTheKeys(FxRobot robot) throws Exception {
        String markdown = "# Help\n\n" + "A line of help that says something.\n\n".repeat(120);
        HelpView help = new HelpView(markdown, () -> { }, () -> view.closeOverlay());
        robot.interact(() -> view.showOverlay(help, view::closeOverlay));
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane scroll = robot.lookup("#helpScroll").queryAs(ScrollPane.class);
        assertThat(scroll.isFocused()).as("the text has the focus, so the keys scroll it at once").isTrue();

        press(robot, KeyCode.PAGE_DOWN);
        assertThat(scroll.getVvalue()).as("Page Down").isGreaterThan(0);
        double paged = scroll.getVvalue();
        press(robot, KeyCode.DOWN);
        assertThat(scroll.getVvalue()).as("Down").isGreaterThan(paged);
        press(robot, KeyCode.END);
        assertThat(scroll.getVvalue()).as("End").isEqualTo(scroll.getVmax());
        press(robot, KeyCode.HOME);
        assertThat(scroll.getVvalue()).as("Home").isEqualTo(scroll.getVmin());

        List<Node> visited = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            press(robot, KeyCode.TAB);
            visited.add(focusOwner());
        }
        press(robot, KeyCode.SHIFT, KeyCode.TAB);
        visited.add(focusOwner());
        assertThat(visited).as("Tab and Shift+Tab stay in the card").allSatisfy(n ->
                assertThat(SceneGraph.isInside(n, help)).as("%s", n).isTrue());
        assertThat(visited).as("and go round all of it").contains(scroll,
                robot.lookup("#closeHelpButton").query(), robot.lookup("#openWelcomeButton").query());

        press(robot, KeyCode.ESCAPE);
        assertThat(view.overlayShowing()).isFalse();
    }

    @Test
    void aBudgetFieldWithTheFocusShowsWhatTheBudgetMeans(FxRobot robot) {
        TextField budget = robot.lookup(".budget-field").queryAs(TextField.class);
        Tooltip tip = budget.getTooltip();
        assertThat(tip.isShowing()).isFalse();

        robot.interact(() -> robot.lookup(".column-label").query().requestFocus());
        for (int i = 0; i < 3 && !budget.isFocused(); i++) {
            press(robot, KeyCode.TAB); // past the column's name and its close button
        }
        assertThat(budget.isFocused()).isTrue();
        assertThat(tip.isShowing()).as("shown under the field, as on hover").isTrue();
        assertThat(tip.getText()).isNotBlank();

        press(robot, KeyCode.TAB);
        assertThat(tip.isShowing()).as("gone with the focus").isFalse();

        robot.clickOn(budget);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tip.isShowing()).as("a click has the tooltip on hover, and no tooltip standing over the text")
                .isFalse();
    }

    @Test
    void spaceTurnsTheBestOfNSwitch(FxRobot robot) {
        ToggleSwitch bestOfN = robot.lookup("#bestOfNToggle").queryAs(ToggleSwitch.class);
        assertThat(bestOfN.isFocusTraversable()).isTrue();
        robot.interact(bestOfN::requestFocus);

        press(robot, KeyCode.SPACE);
        assertThat(view.viewModel().compare().bestOfN().enabledProperty().get()).isTrue();
        press(robot, KeyCode.SPACE);
        assertThat(view.viewModel().compare().bestOfN().enabledProperty().get()).isFalse();
    }
}
