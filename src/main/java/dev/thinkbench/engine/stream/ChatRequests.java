package dev.thinkbench.engine.stream;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.FinishReason;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;

import java.util.ArrayList;
import java.util.List;

/** The parts of a chat request and response that every chat adapter reads the same way. */
public final class ChatRequests {

    private ChatRequests() {
    }

    /** The system prompt (when not empty) and the user prompt. Sampling and budget go on the model. */
    public static ChatRequest of(RunSpec spec) {
        List<ChatMessage> messages = new ArrayList<>(2);
        if (!spec.system().isBlank()) {
            messages.add(SystemMessage.from(spec.system()));
        }
        messages.add(UserMessage.from(spec.prompt()));
        return ChatRequest.builder().messages(messages).build();
    }

    /**
     * The seed as the langchain4j builders take it (an int). A seed outside the int range is folded into it
     * deterministically, so the same seed still gives the same request.
     */
    public static Integer seed(Long seed) {
        if (seed == null) {
            return null;
        }
        return seed >= Integer.MIN_VALUE && seed <= Integer.MAX_VALUE ? seed.intValue() : Long.hashCode(seed);
    }

    public static ReasoningEvent.StopReason stopReason(FinishReason reason) {
        if (reason == null) {
            return ReasoningEvent.StopReason.UNKNOWN;
        }
        return switch (reason) {
            case STOP -> ReasoningEvent.StopReason.END_OF_TURN;
            case LENGTH -> ReasoningEvent.StopReason.LENGTH;
            default -> ReasoningEvent.StopReason.UNKNOWN;
        };
    }
}
