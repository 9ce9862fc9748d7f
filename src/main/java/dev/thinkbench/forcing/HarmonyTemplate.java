package dev.thinkbench.forcing;

import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.SpecialTokens;

import java.util.List;

/**
 * OpenAI's harmony format (gpt-oss): messages are {@code <|start|>role<|message|>...<|end|>}, and the assistant
 * writes on channels. The {@code analysis} channel is the thinking; ending it means closing the channel
 * ({@code <|end|>}) and opening {@code final}, whose message ends with {@code <|return|>}. So the prompt opens the
 * analysis channel, the model's {@code <|end|>} is the end of thinking (the built-in engine streams control tokens
 * as text, so it can be matched), and forcing an answer appends {@code <|end|><|start|>assistant<|channel|>final
 * <|message|>} with no newline between.
 *
 * <p>The system message states the reasoning level and the channels as gpt-oss's own template does, without a date
 * (runs stay reproducible); a system prompt becomes the developer message. The level is gpt-oss's default,
 * {@code medium}, unless the run's budget is an effort ({@link #forEffort}): a token cap or a forcing plan keeps
 * {@code medium} and cuts the analysis channel at its cap. Immutable and thread-safe.
 */
record HarmonyTemplate(String name, String description, String reasoning) implements ChatTemplate {

    static final String START = "<|start|>";
    static final String MESSAGE = "<|message|>";
    static final String END = "<|end|>";
    static final String CHANNEL = "<|channel|>";
    static final String RETURN = "<|return|>";
    static final String CALL = "<|call|>";

    @Override
    public String prompt(String system, String user) {
        StringBuilder b = new StringBuilder()
                .append(START).append("system").append(MESSAGE)
                .append("You are ChatGPT, a large language model trained by OpenAI.\n\n")
                .append("Reasoning: ").append(reasoning).append("\n\n")
                .append("# Valid channels: analysis, commentary, final. Channel must be included for every message.")
                .append(END);
        if (system != null && !system.isEmpty()) {
            b.append(START).append("developer").append(MESSAGE).append("# Instructions\n\n").append(escape(system))
                    .append(END);
        }
        return b.append(START).append("user").append(MESSAGE).append(escape(user)).append(END)
                .append(START).append("assistant").append(CHANNEL).append("analysis").append(MESSAGE).toString();
    }

    /** The same template stating {@code Reasoning: low}, {@code medium} or {@code high} (harmony's three levels). */
    @Override
    public ChatTemplate forEffort(EffortLevel level) {
        return switch (level) {
            case LOW, MEDIUM, HIGH -> new HarmonyTemplate(name, description, level.wireName());
            default -> this;
        };
    }

    @Override
    public String thinkingEnd() {
        return END;
    }

    @Override
    public String answerOpening() {
        return END + START + "assistant" + CHANNEL + "final" + MESSAGE;
    }

    @Override
    public String endOfTurn() {
        return RETURN;
    }

    /**
     * The final message ends at {@code <|return|>}, but a model may close it with {@code <|end|>} (as every other
     * message ends), call a tool ({@code <|call|>}) or start another message: each ends the answer, so none shows as
     * answer text.
     */
    @Override
    public List<String> answerStops() {
        return List.of(RETURN, END, CALL, START);
    }

    @Override
    public String escape(String text) {
        return SpecialTokens.escape(text, START, MESSAGE, END, CHANNEL, RETURN, CALL);
    }

    /** Channels are delimited by tokens, not lines: nothing goes between the thinking and the answer opening. */
    @Override
    public String closeThinking(String sofar, String answerPrefix) {
        return answerOpening() + (answerPrefix == null ? "" : answerPrefix);
    }
}
