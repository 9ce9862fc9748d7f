package dev.thinkbench.core.problems;

/**
 * The micro model's text format, the {@code chatml-think} template with its special tokens. The training text of a
 * problem is exactly {@code <|im_start|>user\n{question}<|im_end|>\n<|im_start|>assistant\n<think>\n{thinking}</think>\nFinal Answer: {N}<|im_end|>},
 * so a forcer that closes the thinking with {@code </think>\nFinal Answer:} or appends {@code Wait} produces text
 * the model has seen. Pure functions; any thread.
 */
public final class MicroFormat {

    public static final String IM_START = "<|im_start|>";
    public static final String IM_END = "<|im_end|>";
    public static final String THINK = "<think>";
    public static final String END_THINK = "</think>";
    public static final String ANSWER_PREFIX = "Final Answer:";

    private MicroFormat() {
    }

    /** What the model is given: the user turn and the opened thinking. */
    public static String prompt(String question) {
        return IM_START + "user\n" + question + IM_END + "\n" + IM_START + "assistant\n" + THINK + "\n";
    }

    /** What the model learns to write after the prompt: the thinking, its end, the answer and the end of turn. */
    public static String completion(String thinking, int answer) {
        return thinking + END_THINK + "\n" + ANSWER_PREFIX + " " + answer + IM_END;
    }

    /** One whole training example. */
    public static String trainingText(Problem problem, String thinking) {
        return prompt(problem.question()) + completion(thinking, problem.answer());
    }
}
