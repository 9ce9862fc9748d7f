package dev.thinkbench.ui.text;

/**
 * A batch of text for one part of a column, gathered from all the events drained in one frame.
 *
 * @param part where the text goes
 * @param text the text, not empty
 */
public record TextChunk(Part part, String text) {

    /** The parts of a column's text. */
    public enum Part {
        /** The model's thinking. */
        THINKING,
        /** Text the forcer or the user inserted into the thinking ("Wait", a forced end). */
        INSERTED,
        ANSWER
    }
}
