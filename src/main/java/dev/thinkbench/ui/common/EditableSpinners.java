package dev.thinkbench.ui.common;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;

/**
 * Number spinners the user can type into: the typed number counts on Enter and when the field loses the focus (a
 * click on a button beside it included), as well as through the arrows; a number out of range is brought into it,
 * and text that is no number (or nothing) goes back to the value, never to an empty one. UI thread only.
 */
public final class EditableSpinners {

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
                try {
                    T typed = plain.fromString(text == null ? null : text.strip());
                    return typed == null ? factory.getValue() : typed;
                } catch (RuntimeException notANumber) {
                    return factory.getValue();
                }
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
}
