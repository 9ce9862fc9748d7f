package dev.thinkbench.ui.common;

import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Number spinners the user can type into: the typed number counts on Enter and when the field loses the focus (a
 * click on a button beside it included), as well as through the arrows; a number out of range is brought into it,
 * and text that is no number (or nothing) goes back to the value, never to an empty one. Either is said in a note
 * under the spinner for a few seconds ("500 is more than 64, the most: 64 is used"), so a number is never changed unseen. UI
 * thread only.
 */
public final class EditableSpinners {

    /** The key under which a spinner's properties hold the last note shown (tests and screen readers read it). */
    public static final String NOTE = "thinkbench.spinner.note";
    private static final Duration NOTE_SHOWN = Duration.seconds(4);
    private static final double GAP = 4;

    private EditableSpinners() {
    }

    /** Makes {@code spinner} (its value factory set) take typed numbers; returns it. */
    public static <T> Spinner<T> typable(Spinner<T> spinner) {
        SpinnerValueFactory<T> factory = spinner.getValueFactory();
        StringConverter<T> plain = factory.getConverter();
        // JavaFX commits the field's text itself too (on focus loss): text that is no number keeps the value
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return plain.toString(value);
            }

            @Override
            public T fromString(String text) {
                T value;
                try {
                    T typed = plain.fromString(text == null ? null : text.strip());
                    value = typed == null ? factory.getValue() : typed;
                } catch (RuntimeException notANumber) {
                    value = factory.getValue();
                }
                // said here, where the text is still as typed (JavaFX's own commit on focus loss comes first)
                String note = note(factory, text == null ? "" : text.strip(), value);
                if (note != null) {
                    tell(spinner, note);
                }
                return value;
            }
        });
        spinner.setEditable(true);
        spinner.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit(spinner);
            }
        });
        spinner.getEditor().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commit(spinner);
                e.consume();
            }
        });
        return spinner;
    }

    /** Takes the number typed in {@code spinner}'s field now; the field then shows the value it took. */
    private static <T> void commit(Spinner<T> spinner) {
        spinner.commitValue();
        spinner.cancelEdit();
    }

    /**
     * What the user should be told about {@code typed} (the converter's reading of it: {@code read}, the value kept
     * where it is no number), brought into the spinner's range; null when it is taken as typed.
     */
    static String note(SpinnerValueFactory<?> factory, String typed, Object read) {
        if (typed.isEmpty()) {
            return null;
        }
        if (!(factory instanceof SpinnerValueFactory.IntegerSpinnerValueFactory range)) {
            return null;
        }
        long number;
        try {
            number = Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            return Messages.get("spinner.notANumber", typed, read);
        }
        if (number > range.getMax()) {
            return Messages.get("spinner.tooMuch", typed, range.getMax());
        }
        if (number < range.getMin()) {
            return Messages.get("spinner.tooLittle", typed, range.getMin());
        }
        return null; // "007" taken as 7
    }

    private static void tell(Spinner<?> spinner, String note) {
        spinner.getProperties().put(NOTE, note);
        spinner.setAccessibleHelp(note);
        if (spinner.getScene() == null || spinner.getScene().getWindow() == null
                || !spinner.getScene().getWindow().isShowing()) {
            return;
        }
        Bounds on = spinner.localToScreen(spinner.getLayoutBounds());
        if (on == null) {
            return;
        }
        Tooltip tip = (Tooltip) spinner.getProperties().computeIfAbsent(NOTE + ".tip", k -> {
            Tooltip t = new Tooltip();
            t.getStyleClass().add("spinner-note");
            t.setWrapText(true);
            t.setMaxWidth(360);
            return t;
        });
        tip.setText(note);
        tip.show(spinner, on.getMinX(), on.getMaxY() + GAP);
        PauseTransition hide = new PauseTransition(NOTE_SHOWN);
        hide.setOnFinished(e -> {
            if (note.equals(tip.getText())) {
                tip.hide();
            }
        });
        hide.play();
    }
}
