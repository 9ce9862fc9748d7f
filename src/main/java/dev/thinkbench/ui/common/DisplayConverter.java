package dev.thinkbench.ui.common;

import javafx.util.StringConverter;

import java.util.function.Function;

/**
 * A converter for values that are only shown, never typed (a combo box's choices, a chart's tick labels): the value
 * in words, nothing for null; text is never parsed back. Stateless.
 */
public final class DisplayConverter {

    private DisplayConverter() {
    }

    /** Shows a value as {@code words} says, null as nothing. */
    public static <T> StringConverter<T> of(Function<? super T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : words.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null; // shown only: never parsed
            }
        };
    }
}
