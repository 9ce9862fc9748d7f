package dev.thinkbench.ui.text;

import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.ScrollEvent;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming text area: long traces, and auto-scroll that pauses while the user reads above. */
@ExtendWith(ApplicationExtension.class)
class StreamingTextAreaTest {

    private StreamingTextArea area;

    @Start
    void start(Stage stage) {
        area = new StreamingTextArea("waiting");
        stage.setScene(new Scene(area, 400, 300));
        stage.show();
    }

    private void appendLines(int from, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            b.append("line ").append(i).append(" of the trace\n");
        }
        WaitForAsyncUtils.asyncFx(() -> area.append(b.toString(), "thinking-text"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A mouse wheel turned by {@code notches} (positive towards the top), as the platform delivers it. Fired directly because the
     * headless robot's wheel direction and step differ between robot implementations.
     */
    private void wheel(FxRobot robot, int notches) {
        Node target = area.lookup(".streaming-area");
        Point2D at = target.localToScene(10, 10);
        Point2D screen = target.localToScreen(10, 10);
        double delta = Math.signum(notches) * 120;
        for (int i = 0; i < Math.abs(notches); i++) {
            ScrollEvent wheel = new ScrollEvent(ScrollEvent.SCROLL, at.getX(), at.getY(), screen.getX(), screen.getY(),
                    false, false, false, false, false, false, 0, delta, 0, delta, ScrollEvent.HorizontalTextScrollUnits.NONE,
                    0, ScrollEvent.VerticalTextScrollUnits.LINES, 3, 0, null);
            robot.interact(() -> Event.fireEvent(target, wheel));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aHundredThousandTokenTraceIsKeptWhole() {
        StringBuilder sent = new StringBuilder();
        for (int batch = 0; batch < 100; batch++) {
            StringBuilder b = new StringBuilder();
            for (int token = 0; token < 1000; token++) {
                b.append("t").append(batch).append('_').append(token).append(token % 12 == 11 ? ".\n" : " ");
            }
            sent.append(b);
            WaitForAsyncUtils.asyncFx(() -> area.append(b.toString(), "thinking-text"));
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(area.text()).isEqualTo(sent.toString());
        assertThat(area.length()).isEqualTo(sent.length());
        assertThat(area.isFollowing()).isTrue();
    }

    @Test
    void aTraceWithoutLineBreaksIsKeptWholeWhileOnlyTheBlocksInViewHaveNodes() {
        StringBuilder sent = new StringBuilder();
        for (int batch = 0; batch < 100; batch++) {
            StringBuilder b = new StringBuilder();
            for (int token = 0; token < 1000; token++) {
                b.append("w").append(batch).append('_').append(token).append(' ');
            }
            sent.append(b);
            WaitForAsyncUtils.asyncFx(() -> area.append(b.toString(), "thinking-text"));
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(area.text()).isEqualTo(sent.toString());
        var shown = area.lookupAll(".stream-block").stream().filter(Node::isVisible).toList();
        assertThat(shown).hasSizeBetween(1, 4);
        assertThat(shown).allSatisfy(block -> assertThat(block.getBoundsInParent().getWidth())
                .as("wrapped to the area").isLessThan(area.getWidth()));
        assertThat(area.lookupAll(".text")).allSatisfy(n -> assertThat(((Text) n).getText().length())
                .isLessThanOrEqualTo(TextBlocks.HARD_LIMIT));
    }

    @Test
    void insertedTextKeepsItsOwnStyleInsideTheLine() {
        WaitForAsyncUtils.asyncFx(() -> {
            area.append("So it is 5.", "thinking-text");
            area.append(" Wait", "inserted-text");
            area.append(", it is 6.\n", "thinking-text");
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(area.text()).isEqualTo("So it is 5. Wait, it is 6.\n");
        assertThat(area.lookupAll(".inserted-text")).extracting(n -> ((Text) n).getText()).containsExactly(" Wait");
        assertThat(area.lookupAll(".thinking-text")).extracting(n -> ((Text) n).getText())
                .containsExactly("So it is 5.", ", it is 6.");
    }

    @Test
    void scrollingUpPausesFollowingAndJumpToLatestResumesIt(FxRobot robot) {
        appendLines(0, 200);
        assertThat(area.isFollowing()).isTrue();

        wheel(robot, 3);
        assertThat(area.isFollowing()).isFalse();

        appendLines(200, 50);
        assertThat(area.isFollowing()).isFalse();
        Button jump = robot.lookup(".button").queryButton();
        assertThat(jump.isVisible()).isTrue();
        assertThat(jump.getText()).as("an icon, so it hides no line of text").isNullOrEmpty();
        assertThat(jump.getAccessibleText()).isEqualTo("Jump to latest");
        assertThat(jump.getWidth()).isLessThan(40);

        robot.clickOn(jump, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.isFollowing()).isTrue();
        assertThat(jump.isVisible()).isFalse();
    }

    @Test
    void homeShowsTheBeginningAndEndFollowsAgain(FxRobot robot) {
        appendLines(0, 400);
        robot.clickOn(area);

        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.isFollowing()).isFalse();
        assertThat(shownText()).startsWith("line 0 of the trace");

        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.isFollowing()).isTrue();
        assertThat(shownText()).contains("line 399 of the trace");
    }

    @Test
    void draggingSelectsTextAndCtrlCCopiesIt(FxRobot robot) throws Exception {
        appendLines(0, 3);
        Node view = area.lookup(".streaming-area");
        javafx.geometry.Bounds b = view.localToScreen(view.getBoundsInLocal());

        robot.drag(new Point2D(b.getMinX() + 11, b.getMinY() + 14), MouseButton.PRIMARY)
                .dropTo(new Point2D(b.getMinX() + 150, b.getMinY() + 34));
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(area.selectedText()).startsWith("line 0 of the trace\nline 1");
        assertThat(area.text()).startsWith(area.selectedText());
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get();
        assertThat(copied).isEqualTo(area.selectedText());
    }

    /** The text of the blocks drawn now, top to bottom. */
    private String shownText() {
        StringBuilder b = new StringBuilder();
        area.lookupAll(".stream-block").stream().filter(Node::isVisible)
                .sorted(java.util.Comparator.comparingDouble(Node::getLayoutY))
                .forEach(n -> n.lookupAll(".text").forEach(t -> b.append(((Text) t).getText())));
        return b.toString();
    }

    @Test
    void scrollingBackToTheBottomFollowsAgain(FxRobot robot) {
        appendLines(0, 200);
        wheel(robot, 3);
        assertThat(area.isFollowing()).isFalse();

        wheel(robot, -30);

        assertThat(area.isFollowing()).isTrue();
    }

    @Test
    void clearingEmptiesTheAreaAndShowsThePlaceholderAgain() {
        appendLines(0, 5);
        WaitForAsyncUtils.asyncFx(area::clear);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(area.text()).isEmpty();
        assertThat(area.lookup(".streaming-placeholder").isVisible()).isTrue();
    }

    @Test
    void searchingAHundredThousandTokenTraceFindsEveryMatchAndScrollsToEach(FxRobot robot) throws Exception {
        for (int batch = 0; batch < 100; batch++) {
            StringBuilder b = new StringBuilder();
            for (int token = 0; token < 1000; token++) {
                b.append(token == 500 ? "Wait, " : "t ").append(token % 12 == 11 ? "\n" : "");
            }
            WaitForAsyncUtils.asyncFx(() -> area.append(b.toString(), "thinking-text"));
        }
        WaitForAsyncUtils.waitForFxEvents();

        int found = WaitForAsyncUtils.asyncFx(() -> area.find("wait")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(found).isEqualTo(100);
        assertThat(area.currentMatch()).isZero();
        assertThat(area.isFollowing()).isFalse();
        assertThat(visibleText()).contains("Wait");
        assertThat(robot.lookup(".search-current").queryAll()).isNotEmpty();

        WaitForAsyncUtils.asyncFx(() -> area.findPrevious());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.currentMatch()).isEqualTo(99);
        assertThat(visibleText()).contains("Wait");
        WaitForAsyncUtils.asyncFx(() -> area.findNext());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.currentMatch()).isZero();

        WaitForAsyncUtils.asyncFx(() -> area.append("and wait again\n", "thinking-text"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.matchCount()).as("text streamed in later is searched too").isEqualTo(101);
    }

    @Test
    void ctrlFOpensTheFindBarThatSearchesAsTypedAndEscClosesIt(FxRobot robot) {
        appendLines(0, 300);
        robot.clickOn(area);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.findShowing()).isTrue();

        robot.write("line 12 ");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.matchCount()).isEqualTo(1);
        assertThat(robot.lookup(".find-count").queryLabeled().getText()).isEqualTo("1 of 1");
        assertThat(visibleText()).contains("line 12 of");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.findShowing()).isFalse();
        assertThat(area.matchCount()).isZero();
    }

    /** The text of the blocks drawn now. */
    private String visibleText() {
        StringBuilder b = new StringBuilder();
        for (Node n : area.lookupAll(".stream-block")) {
            if (n.isVisible() && n instanceof javafx.scene.text.TextFlow flow) {
                Node sheet = flow.getParent();
                double top = flow.getLayoutY();
                if (top + flow.getHeight() > 0 && top < sheet.getLayoutBounds().getHeight()) {
                    flow.getChildren().stream().filter(Text.class::isInstance)
                            .forEach(t -> b.append(((Text) t).getText()));
                }
            }
        }
        return b.toString();
    }

    @Test
    void aKeyStreamedInPiecesNeverShowsNotEvenInPartAndKeepsItsLength() throws Exception {
        String key = "sk-proj-" + "Ab3dE5gH7jK9mN1pQ3sT5vW7";
        String shownAfterEachPiece = WaitForAsyncUtils.asyncFx(() -> {
            area.clear();
            StringBuilder seen = new StringBuilder();
            for (String piece : new String[]{"Your key ", "is s", "k-pr", "oj-Ab3dE5gH7j", "K9mN1pQ3sT5vW7", " so ",
                    "keep it."}) {
                area.append(piece, "answer-text");
                seen.append(area.text()).append('|');
            }
            return seen.toString();
        }).get();

        assertThat(shownAfterEachPiece).doesNotContain("sk-").doesNotContain("Ab3dE5").doesNotContain("is s|");
        String raw = "Your key is " + key + " so keep it.";
        String shown = WaitForAsyncUtils.asyncFx(() -> area.text()).get();
        assertThat(shown).isEqualTo("Your key is " + "\u2022".repeat(key.length()) + " so keep it.");
        assertThat(shown).as("offsets stay those of the text appended (confidence, hover)").hasSameSizeAs(raw);
    }

    @Test
    void aWordThatMightStartAKeyShowsWhenTheStreamPausesOrEnds() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            area.clear();
            area.append("The answer is A", "answer-text");
        }).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> area.length()).get()).as("appended, waiting").isEqualTo(15);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> area.text()).get().equals("The answer is A"));

        WaitForAsyncUtils.asyncFx(() -> {
            area.clear();
            area.append("Options: hf", "answer-text");
            area.showStart();
        }).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> area.text()).get()).as("the end of the stream shows it at once")
                .isEqualTo("Options: hf");
    }
}
