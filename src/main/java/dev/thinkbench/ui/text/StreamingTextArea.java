package dev.thinkbench.ui.text;

import atlantafx.base.theme.Styles;
import dev.thinkbench.core.SecretHoldBack;
import dev.thinkbench.core.SecretScrubber;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.Icons;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Read-only, virtualized text that grows as a run streams: the text is kept in bounded blocks and only the blocks in
 * view are drawn ({@link BlockView}), so an append costs the same at the first token and at the 100,000th, however
 * long the lines. Text arrives in batches ({@link #append}); the view follows the end until the user scrolls up, and
 * follows again once they scroll back to the bottom or press "Jump to latest". The scrolling text is a layout root:
 * what streams in lays out this area only, never the column or the window around it. Text selected by dragging is
 * copied with Ctrl+C or the context menu (Ctrl+C with nothing selected copies everything). Ctrl+F opens a find bar
 * over the text: every match is highlighted as the query is typed (ignoring case, text streamed in later included),
 * Enter / F3 go to the next match and Shift+Enter / Shift+F3 to the previous one, Esc closes it. Resting the pointer
 * on a character shows what the owner knows about it ({@link #setHoverInfo}). UI thread only.
 */
public final class StreamingTextArea extends StackPane {

    private static final double BOTTOM_SLACK_PX = 24;
    private static final long USER_SCROLL_WINDOW_NANOS = 600_000_000L;
    /** How long the pointer rests on a character before what is known about it shows. */
    private static final Duration HOVER_DELAY = Duration.millis(300);

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final BlockView area = new BlockView();
    private final Label placeholder;
    private final Button jump;
    private final FindBar findBar;
    /** Shows what {@link #setHoverInfo} says about the character the pointer rests on. */
    private final Tooltip hoverTip = new Tooltip();
    private final PauseTransition hoverDelay = new PauseTransition(HOVER_DELAY);
    private IntFunction<String> hoverInfo = offset -> null;
    /** What the pointer rests on now (shown, or about to be), null for nothing. */
    private String hoverText;
    private boolean following = true;
    private boolean streaming = true;
    private long lastUserScroll;
    /** Text appended and not shown yet: a trailing word that could still grow into a secret ({@link SecretHoldBack}). */
    private final StringBuilder held = new StringBuilder();
    /** The style class of each held piece, and where each piece ends in {@link #held}. */
    private final java.util.List<String> heldStyles = new java.util.ArrayList<>();
    private final java.util.List<Integer> heldEnds = new java.util.ArrayList<>();
    /** The end of the text shown, as shown: what a secret's value may follow ({@code Bearer }). */
    private String shownTail = "";
    private static final int TAIL_CHARS = 64;
    /**
     * A held word shows once nothing has arrived for this long: a stream that ends or pauses on it ("... the answer is
     * A", the Stepper stopped where the model wants to end) shows it, while a key arriving in pieces does so in
     * milliseconds.
     */
    private static final Duration HELD_AT_MOST = Duration.millis(700);
    private final PauseTransition heldTimer = new PauseTransition(HELD_AT_MOST);

    /**
     * Measures the text again: call after its font changed (the zoom), since heights measured at the old size are
     * kept until the width changes.
     */
    public void remeasure() {
        area.remeasure();
    }

    public StreamingTextArea(String placeholderText) {
        getStyleClass().add("streaming-text");
        area.setPadding(new Insets(8, 10, 8, 10));
        // Unmanaged, and so a layout root: its layout requests stop here (see layoutChildren).
        area.setManaged(false);
        placeholder = new Label(placeholderText);
        placeholder.getStyleClass().add("streaming-placeholder");
        placeholder.setMouseTransparent(true);
        // A round icon, not a labelled button: it floats over the text, and a label would hide a line of it.
        jump = Icons.button(null, Feather.ARROW_DOWN, Messages.get("text.jump") + " \u2014 "
                + Messages.get("text.jump.help"), Styles.BUTTON_ICON, Styles.BUTTON_CIRCLE, Styles.ACCENT, "small");
        jump.setAccessibleText(Messages.get("text.jump"));
        jump.setVisible(false);
        jump.setOnAction(e -> resumeFollowing());
        StackPane.setAlignment(jump, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(jump, new Insets(0, 18, 6, 0));
        StackPane.setAlignment(placeholder, Pos.TOP_LEFT);
        StackPane.setMargin(placeholder, new Insets(8, 12, 8, 12));
        heldTimer.setOnFinished(e -> release(held.length()));
        findBar = new FindBar(this, this::hideFind);
        area.setOnMatches(findBar::showCount);
        findBar.setVisible(false);
        StackPane.setAlignment(findBar, Pos.TOP_RIGHT);
        StackPane.setMargin(findBar, new Insets(6, 18, 0, 0));
        getChildren().addAll(area, placeholder, jump, findBar);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                showFind();
                e.consume();
            }
        });
        area.addEventFilter(ScrollEvent.SCROLL, e -> userScrolled());
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> userScrolled());
        area.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> userScrolled());
        area.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> userScrolled());
        area.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                String selected = area.selectedText();
                copy(selected.isEmpty() ? area.text() : selected);
                e.consume();
            }
        });
        MenuItem copy = new MenuItem(Messages.get("text.copy"));
        copy.setOnAction(e -> copy(area.selectedText()));
        MenuItem copyAll = new MenuItem(Messages.get("text.copyAll"));
        copyAll.setOnAction(e -> copy(area.text()));
        ContextMenu menu = new ContextMenu(copy, copyAll);
        area.setOnContextMenuRequested(e -> {
            copy.setDisable(area.selectedText().isEmpty());
            copyAll.setDisable(area.length() == 0);
            menu.show(area, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        hoverTip.getStyleClass().add("hover-info");
        hoverTip.setWrapText(true);
        hoverTip.setMaxWidth(420);
        area.setOnHover(this::onHover);
        area.addEventFilter(ScrollEvent.SCROLL, e -> hideHover());
        area.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> hideHover());
        area.scrollYProperty().addListener((obs, old, now) -> {
            if (System.nanoTime() - lastUserScroll < USER_SCROLL_WINDOW_NANOS) {
                setFollowing(atBottom());
            }
        });
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        area.resizeRelocate(in.getLeft(), in.getTop(), Math.max(0, getWidth() - in.getLeft() - in.getRight()),
                Math.max(0, getHeight() - in.getTop() - in.getBottom()));
        super.layoutChildren();
    }

    /**
     * What to show when the pointer rests on a character: {@code info} gets the character's offset in the text and
     * returns the words to show beside it, or null for nothing there.
     */
    public void setHoverInfo(IntFunction<String> info) {
        hoverInfo = info == null ? offset -> null : info;
        hideHover();
    }

    /** The words shown (or about to be) for the character under the pointer, null when none; for tests. */
    public String hoverText() {
        return hoverText;
    }

    private void onHover(MouseEvent e, int offset) {
        String text = offset < 0 ? null : hoverInfo.apply(offset);
        if (Objects.equals(text, hoverText)) {
            return;
        }
        hideHover();
        if (text != null) {
            hoverText = text;
            hoverTip.setText(text);
            double x = e.getScreenX() + 12;
            double y = e.getScreenY() + 18;
            hoverDelay.setOnFinished(done -> {
                if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
                    hoverTip.show(this, x, y);
                }
            });
            hoverDelay.playFromStart();
        }
    }

    private void hideHover() {
        hoverText = null;
        hoverDelay.stop();
        hoverTip.hide();
    }

    /** Opens the find bar (keeping its last query, selected) and gives it the keyboard focus. */
    public void showFind() {
        findBar.setVisible(true);
        findBar.focusQuery();
    }

    private void hideFind() {
        findBar.setVisible(false);
        area.find("");
        area.requestFocus();
    }

    /**
     * Finds {@code query} (ignoring case; empty clears), highlights every match and scrolls the first into view, as
     * typing in the find bar does. Returns the number of matches.
     */
    public int find(String query) {
        int matches = area.find(query);
        stayOnMatch(matches > 0 ? 0 : -1);
        return matches;
    }

    /** Goes to the next match; returns its index (0-based), -1 when there is none. */
    public int findNext() {
        return stayOnMatch(area.findNext());
    }

    /** Goes to the previous match; returns its index, -1 when there is none. */
    public int findPrevious() {
        return stayOnMatch(area.findPrevious());
    }

    /** A match shown stays in view while text streams in: following the end stops until the user asks again. */
    private int stayOnMatch(int match) {
        if (match >= 0) {
            setFollowing(false);
        }
        return match;
    }

    /** The number of matches of the current search. */
    public int matchCount() {
        return area.matchCount();
    }

    /** The current match's index, -1 when there is none. */
    public int currentMatch() {
        return area.currentMatch();
    }

    /** Whether the find bar shows. */
    public boolean findShowing() {
        return findBar.isVisible();
    }

    private void userScrolled() {
        lastUserScroll = System.nanoTime();
    }

    private boolean atBottom() {
        return area.scrollYProperty().get() + area.viewportHeight() >= area.totalHeight() - BOTTOM_SLACK_PX;
    }

    private void setFollowing(boolean follow) {
        following = follow;
        jump.setVisible(!follow && streaming && area.length() > 0);
    }

    private void resumeFollowing() {
        lastUserScroll = 0;
        setFollowing(true);
        scrollToEnd();
    }

    /**
     * Appends a batch of text in one style class, then keeps the end in view if following. Secrets never show, not
     * even in part: a trailing word that could still grow into one waits for its end (or the end of the stream,
     * {@link #showStart}), and a secret shows blotted character for character, so offsets stay those of the text
     * appended ({@link SecretScrubber#blot}).
     */
    public void append(String text, String styleClass) {
        if (text.isEmpty()) {
            return;
        }
        held.append(text);
        heldStyles.add(styleClass);
        heldEnds.add(held.length());
        release(SecretHoldBack.holdFrom(shownTail, held.toString()));
        if (held.isEmpty()) {
            heldTimer.stop();
        } else {
            heldTimer.playFromStart();
        }
    }

    /** Shows the first {@code count} held characters, blotted where they hold a secret, each piece in its style. */
    private void release(int count) {
        if (count <= 0) {
            return;
        }
        String shown = SecretScrubber.blot(shownTail + held.substring(0, count)).substring(shownTail.length());
        int from = 0;
        while (from < count) {
            int end = Math.min(heldEnds.getFirst(), count);
            area.append(shown.substring(from, end), heldStyles.getFirst());
            from = end;
            if (heldEnds.getFirst() <= count) {
                heldEnds.removeFirst();
                heldStyles.removeFirst();
            }
        }
        held.delete(0, count);
        heldEnds.replaceAll(e -> e - count);
        String tail = shownTail + shown;
        shownTail = tail.substring(Math.max(0, tail.length() - TAIL_CHARS));
        placeholder.setVisible(false);
        if (following) {
            scrollToEnd();
        }
    }

    private void scrollToEnd() {
        area.showEnd();
    }

    /** The stream has ended: shows what was held back, then the beginning (a finished answer reads from its first line). */
    public void showStart() {
        release(held.length());
        streaming = false;
        if (area.length() > 0) {
            setFollowing(false);
            area.showStart();
        }
    }

    /** Empties the area and follows the end again. */
    public void clear() {
        heldTimer.stop();
        held.setLength(0);
        heldStyles.clear();
        heldEnds.clear();
        shownTail = "";
        area.clear();
        hideHover();
        streaming = true;
        placeholder.setVisible(true);
        resumeFollowing();
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The text the user selected, empty when none. */
    public String selectedText() {
        return area.selectedText();
    }

    /** The text shown, for tests and copying. */
    public String text() {
        return area.text();
    }

    /** The number of characters appended: those shown and a word held back while it could be a secret. */
    public int length() {
        return area.length() + held.length();
    }

    public boolean isFollowing() {
        return following;
    }

    public void setPlaceholder(String text) {
        placeholder.setText(text);
    }
}
