package dev.thinkbench.forcing;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.testing.ScriptedTestBackend;
import dev.thinkbench.testing.TemplateSourceTestBackend;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateChooserTest {

    /** A plain ChatML template, as a GGUF's {@code tokenizer.chat_template} might carry. */
    private static final String CHATML_JINJA = "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}"
            + "<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";

    private final TemplateChooser perModel = TemplateChooser.perModel(ChatTemplates.CHATML_THINK,
            TemplateMarkers.THINK);

    private static TemplateSourceTestBackend source(String model, String name, String jinja) {
        return new TemplateSourceTestBackend(new ScriptedTestBackend(), model, name, jinja);
    }

    @Test
    void fixedChooserGivesItsTemplateToEveryModelWithoutAsking() {
        TemplateSourceTestBackend r1 = source("r1.gguf", "deepseek-r1", null);

        TemplateChooser fixed = TemplateChooser.fixed(ChatTemplates.S1);

        assertThat(fixed.choose("r1.gguf", r1)).isSameAs(ChatTemplates.S1);
        assertThat(r1.timesAsked()).isZero();
        assertThat(fixed.label()).isEqualTo("s1");
    }

    @Test
    void aTemplateTheBackendNamesWinsOverTheModelsJinja() {
        TemplateSourceTestBackend r1 = source("r1.gguf", "deepseek-r1", CHATML_JINJA);

        assertThat(perModel.choose("r1.gguf", r1)).isSameAs(ChatTemplates.DEEPSEEK_R1);
    }

    @Test
    void theModelsOwnJinjaTemplateIsUsedWithTheGivenThinkingMarkers() {
        ChatTemplate own = perModel.choose("custom.gguf", source("custom.gguf", null, CHATML_JINJA));

        assertThat(own).isInstanceOf(JinjaChatTemplate.class);
        assertThat(own.prompt("", "2+2?")).isEqualTo("<|im_start|>user\n2+2?<|im_end|>\n<|im_start|>assistant\n"
                + "<think>\n");
        assertThat(own.thinkingEnd()).isEqualTo("</think>");
    }

    @Test
    void aModelNothingIsKnownAboutGetsTheFallback() {
        CompletionBackend notASource = new ScriptedTestBackend();

        assertThat(perModel.choose("mystery.gguf", source("mystery.gguf", null, null)))
                .isSameAs(ChatTemplates.CHATML_THINK);
        assertThat(perModel.choose("scripted", notASource)).isSameAs(ChatTemplates.CHATML_THINK);
        assertThat(perModel.label()).isEqualTo("per model (else chatml-think)");
    }

    @Test
    void aJinjaTemplateThatDoesNotRenderFallsBackToTheDefaultLayout() {
        String broken = "{{ raise_exception('only tool calls here') }}";

        assertThat(perModel.choose("odd.gguf", source("odd.gguf", null, broken))).isSameAs(ChatTemplates.CHATML_THINK);
    }

    @Test
    void aNamedTemplateThatDoesNotExistIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> perModel.choose("typo.gguf", source("typo.gguf", "deepseek-r2", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deepseek-r2").hasMessageContaining("chatml-think, deepseek-r1, s1, qwen3, gpt-oss");
    }

    @Test
    void eachModelIsAskedOnceAndEachModelOnItsOwn() {
        TemplateSourceTestBackend r1 = source("r1.gguf", "deepseek-r1", null);
        TemplateSourceTestBackend plain = source("plain.gguf", null, null);

        perModel.choose("r1.gguf", r1);
        perModel.choose("r1.gguf", r1);
        ChatTemplate forPlain = perModel.choose("plain.gguf", plain);

        assertThat(r1.timesAsked()).isEqualTo(1);
        assertThat(forPlain).isSameAs(ChatTemplates.CHATML_THINK);
    }

    @Test
    void aPerModelEngineLaysOutEachRunWithItsModelsTemplate() throws Exception {
        ScriptedTestBackend scripted = new ScriptedTestBackend()
                .then("Two", "</think>").then(" 4", "<\uFF5Cend\u2581of\u2581sentence\uFF5C>")
                .then("Two", "</think>").then(" 4", "<|im_end|>");
        Map<String, CompletionBackend> models = Map.of(
                "r1.gguf", new TemplateSourceTestBackend(scripted, "r1.gguf", "deepseek-r1", null),
                "micro.gguf", new TemplateSourceTestBackend(scripted, "micro.gguf", "chatml-think", null));
        ForcingReasoningEngine engine = new ForcingReasoningEngine("builtin", "Built-in", models::get, perModel, true);

        for (String model : new String[] {"r1.gguf", "micro.gguf"}) {
            Events events = new Events();
            engine.start(new RunSpec("2+2?", "", model, BudgetSpec.parse("force:min=0,max=50,waits=0"), null),
                    events).done().get(10, TimeUnit.SECONDS);
            assertThat(events.last()).isInstanceOf(ReasoningEvent.Finished.class);
        }

        assertThat(scripted.prompts().get(0)).isEqualTo("<\uFF5CUser\uFF5C>2+2?<\uFF5CAssistant\uFF5C><think>\n");
        assertThat(scripted.prompts().get(2)).isEqualTo("<|im_start|>user\n2+2?<|im_end|>\n<|im_start|>assistant\n"
                + "<think>\n");
        assertThat(engine.displayName()).endsWith("template per model (else chatml-think)");
    }
}
