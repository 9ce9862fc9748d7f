package dev.thinkbench.ui.text;

/**
 * A batch of text for one part of a column, gathered from all the events drained in one frame.
 *
 * @param part where the text goes
 * @param text the text, not empty
 * @param confidence how sure the model was of this text's tokens, for the confidence view; null when it is not
 *                   shown or not known
 */
public record TextChunk(Part part, String text, Confidence confidence) {

    /** A chunk shown plainly. */
    public TextChunk(Part part, String text) {
        this(part, text, null);
    }

    /** The parts of a column's text. */
    public enum Part {
        /** The model's thinking. */
        THINKING,
        /** Text the forcer or the user inserted into the thinking ("Wait", a forced end). */
        INSERTED,
        ANSWER
    }

    /** How sure the model was of a token: the probability it gave the token it chose, in three bands. */
    public enum Confidence {
        /** 80 % or more. */
        SURE,
        /** 40 % to 80 %: other tokens were close. */
        UNSURE,
        /** Under 40 %: the model was guessing. */
        GUESSING;

        /** The style class of text in this band (see thinkbench.css). */
        public String styleClass() {
            return switch (this) {
                case SURE -> "confidence-sure";
                case UNSURE -> "confidence-unsure";
                case GUESSING -> "confidence-guessing";
            };
        }

        /** The band of a token chosen with probability {@code p}. */
        public static Confidence of(double p) {
            return p >= 0.8 ? SURE : p >= 0.4 ? UNSURE : GUESSING;
        }
    }
}
