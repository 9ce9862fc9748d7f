package dev.thinkbench.engine;

/**
 * A model an engine offers.
 *
 * @param name the name to put in a {@code RunSpec}
 * @param detail a short human description (size, quantization, family), may be empty
 */
public record ModelInfo(String name, String detail) {
}
