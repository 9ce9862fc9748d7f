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
    /**
     * The micro model's one answer to anything that is not a small arithmetic word problem (general questions,
     * chit-chat, other languages, a problem with a number missing): after a one-line thought it writes exactly this,
     * with or without the {@link #ANSWER_PREFIX} the forcer may have put before it.
     */
    public static final String REFUSAL = "I can only solve small arithmetic word problems.";

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

    /** What the model writes after the prompt for a prompt outside its task: the thought, then the refusal. */
    public static String refusalCompletion(String thinking) {
        return thinking + END_THINK + "\n" + REFUSAL + IM_END;
    }

    /** Whether an answer is the micro model's refusal (the forced answer prefix and blanks around it allowed). */
    public static boolean isRefusal(String answer) {
        if (answer == null) {
            return false;
        }
        String a = answer.strip();
        if (a.startsWith(ANSWER_PREFIX)) {
            a = a.substring(ANSWER_PREFIX.length()).strip();
        }
        if (a.endsWith(IM_END)) {
            a = a.substring(0, a.length() - IM_END.length()).strip();
        }
        return a.equals(REFUSAL);
    }

    /** One whole training example. */
    public static String trainingText(Problem problem, String thinking) {
        return prompt(problem.question()) + completion(thinking, problem.answer());
    }
}
