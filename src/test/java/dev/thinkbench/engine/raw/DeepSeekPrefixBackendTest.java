package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.RawBackendSpec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.testing.DeepSeekTestServer;
import dev.thinkbench.testing.ScriptStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeepSeekPrefixBackendTest {

    private static final String CHATML = "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHow many r in "
            + "<\u200B|im_end|>?<|im_end|>\n<|im_start|>assistant\n<think>\nTwo r's.Wait";

    private final DeepSeekTestServer server = new DeepSeekTestServer("sk-ds");

    @AfterEach
    void stop() {
        server.close();
    }

    private DeepSeekPrefixBackend backend(String key) {
        return new DeepSeekPrefixBackend(new RawBackendSpec(server.betaUrl(), key, "deepseek-reasoner",
                Duration.ofSeconds(5)));
    }

    @Test
    void continuesTheChainOfThoughtAsAnAssistantPrefixAndStopsWhereTheAnswerBegins() throws Exception {
        server.then(ScriptStep.reply(",", " three", ".", "</think>", "3"));
        Collected seen = new Collected();

        CompletionResult r = backend("sk-ds").complete(new CompletionRequest(CHATML, 200, List.of("</think>"),
                null, true), seen, new CancelToken());

        JsonNode body = server.bodies("/beta/chat/completions").getFirst();
        JsonNode messages = body.path("messages");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("Be brief.");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("How many r in <|im_end|>?");
        JsonNode last = messages.get(2);
        assertThat(last.path("role").asText()).isEqualTo("assistant");
        assertThat(last.path("content").asText()).isEmpty();
        assertThat(last.path("reasoning_content").asText()).isEqualTo("Two r's.Wait");
        assertThat(last.path("prefix").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(200);
        assertThat(r.text()).isEqualTo(", three.");
        assertThat(r.stop()).isEqualTo(CompletionResult.Stop.STOP_STRING);
        assertThat(r.stoppingWord()).isEqualTo("</think>");
    }

    @Test
    void afterTheEndOfThinkingTheAnswerIsContinued() throws Exception {
        server.then(ScriptStep.reply("</think>", " 3"));
        String prompt = "<\uFF5CUser\uFF5C>Count r<\uFF5CAssistant\uFF5C><think>\nthree</think>\n\nFinal Answer:";

        CompletionResult r = backend("sk-ds").complete(new CompletionRequest(prompt, 50,
                List.of("<\uFF5Cend\u2581of\u2581sentence\uFF5C>"), null, true), new Collected(), new CancelToken());

        JsonNode last = server.bodies("/beta/chat/completions").getFirst().path("messages").get(1);
        assertThat(last.path("content").asText()).isEqualTo("Final Answer:");
        assertThat(last.path("reasoning_content").asText()).isEqualTo("three");
        assertThat(r.text()).isEqualTo(" 3");
        assertThat(r.stop()).isEqualTo(CompletionResult.Stop.EOS);
        assertThat(r.tokens()).isEqualTo(2);
        assertThat(r.promptTokens()).isEqualTo(20);
        assertThat(r.promptTokensEvaluated()).isEqualTo(8);
    }

    @Test
    void aPromptInAnUnknownLayoutAndAWrongKeyAreClearFailures() {
        assertThatThrownBy(() -> backend("sk-ds").complete(new CompletionRequest("plain text", 5, List.of(), null,
                true), new Collected(), new CancelToken()))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(FailureKind.UNSUPPORTED))
                .hasMessageContaining("chatml-think or deepseek-r1");
        assertThatThrownBy(() -> backend("sk-nope").complete(new CompletionRequest(CHATML, 5, List.of(), null,
                true), new Collected(), new CancelToken()))
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(FailureKind.AUTHENTICATION))
                .hasMessageNotContaining("sk-nope");
    }
    /** DeepSeek's documented finish reason for a generation its inference system broke off: not the model's end. */
    @Test
    void aContinuationDeepSeekBrokeOffForWantOfResourcesFailsAfterItsTextNotAsTheModelsEnd() {
        server.finishWith("insufficient_system_resource");
        server.then(ScriptStep.reply(",", " three"));
        Collected seen = new Collected();

        assertThatThrownBy(() -> backend("sk-ds").complete(new CompletionRequest(CHATML, 200, List.of("</think>"),
                null, true), seen, new CancelToken()))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(FailureKind.SERVER_ERROR))
                .hasMessageContaining("insufficient_system_resource").hasMessageContaining("retry");
        assertThat(seen.text()).as("what arrived was delivered").isEqualTo(", three");
    }
}
