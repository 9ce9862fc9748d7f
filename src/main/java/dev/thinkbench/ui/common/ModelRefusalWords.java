package dev.thinkbench.ui.common;

import dev.thinkbench.engine.EngineCapabilities;

import java.util.regex.Pattern;

/**
 * Why a hosted model refuses a budget, in the window's language. The hosted engines word it in English
 * ({@link dev.thinkbench.engine.ReasoningEngine#whyModelRefuses}, the words their run's own check fails with): a
 * token budget on an effort-only model, an effort level it does not offer, a token count out of its range, "none" on a
 * model that always thinks, and each provider's own limits. Each known sentence is said again through a bundle key
 * ({@link KnownSentences}, {@code refusal.*}), the model's name, numbers and budget specs kept; the ways to go on
 * ("effort:low|high or none") are said part by part. The model's knob in words, which the engine puts in brackets
 * from the English hosted-models table, is left out in another language: the ways to go on say what to use.
 * In English the engine's sentence shows as it is (the bundle's English keeps the bundles' parity); a sentence the
 * list does not know shows as it is. Any thread.
 */
public final class ModelRefusalWords {

    /** The ways to go on a refusal names: budget specs joined by "or", and the phrases the engine puts among them. */
    private static final KnownSentences WAYS = KnownSentences.builder("refusal.ways.")
            .addSayingGroups("(.+?) or (.+)", "or")
            .add("tokens:N \\(N from (.+?) to (.+)\\)", "tokenRange")
            .add("no thinking budget at all \\(it decides itself\\)", "decidesItself")
            .add("whatever it decides", "whateverItDecides")
            .build();

    /** First match wins. */
    private static final KnownSentences KNOWN = KnownSentences.builder()
            // the hosted-models table's checks (ModelKnobs), shared by every hosted engine
            .add("(.+) cannot switch thinking off; the least it takes is (.+)\\.", "refusal.cannotSwitchOff", WAYS)
            .add("(.+) takes no thinking-token budget \\(.*\\); use (.+)\\.", "refusal.noTokenBudget", WAYS)
            .add("(.+) takes a thinking budget of (.+?) to (.+?) tokens, not (.+); use (.+)\\.",
                    "refusal.tokensOutOfRange", WAYS)
            .add("(.+) takes no effort levels \\(.*\\); use (.+)\\.", "refusal.noEffortLevels", WAYS)
            .add("(.+) takes effort (.+), not '(.+)'; use (.+)\\.", "refusal.effortNotOffered", WAYS)
            // each provider's own
            .add("Anthropic has no effort 'none'; use the budget none to switch thinking off",
                    "refusal.anthropic.noEffortNone")
            .add("Anthropic's smallest thinking budget is (.+) tokens; use tokens:(\\d+) or more",
                    "refusal.anthropic.smallestBudget")
            .add("budget_tokens must stay below max_tokens, at most (.+) here; use a smaller budget",
                    "refusal.anthropic.belowMaxTokens")
            .add("Anthropic takes top-p only from 0\\.95 to 1 while thinking; leave it unset, or use the budget none",
                    "refusal.anthropic.topP")
            .add("Gemini has no thinking level 'none'; use the budget none where the model can switch thinking off",
                    "refusal.gemini.noLevelNone")
            .add("OpenAI has no thinking-token budget \\(max_output_tokens would cap thinking and answer together\\); "
                    + "use (.+)", "refusal.openai.noTokenBudget", WAYS)
            .add("OpenAI's reasoning models take no top-p while they reason; leave it unset, or use the budget none",
                    "refusal.openai.topP")
            .add("DeepSeek has no thinking-token budget \\(max_tokens covers thinking and answer together\\); use (.+), "
                    + "or the deepseek-prefix engine to force a budget", "refusal.deepseek.noTokenBudget", WAYS)
            .add("budget forcing on DeepSeek goes through the deepseek-prefix engine \\(chat-prefix completion "
                    + "continues the reasoning\\); this engine takes none or effort:low\\|high\\|max",
                    "refusal.deepseek.forcingElsewhere")
            // what the engine's capabilities refuse, as the same check words it (a window words these from the
            // reason itself; this is for a caller that has only the sentence)
            .add(Pattern.quote(EngineCapabilities.Unsupported.NO_OFF.english()), "budget.unsupported.NO_OFF")
            .add(Pattern.quote(EngineCapabilities.Unsupported.NO_TOKENS.english()), "budget.unsupported.NO_TOKENS")
            .add(Pattern.quote(EngineCapabilities.Unsupported.NO_EFFORT.english()), "budget.unsupported.NO_EFFORT")
            .add(Pattern.quote(EngineCapabilities.Unsupported.NO_FORCING.english()), "budget.unsupported.NO_FORCING")
            .add("effort '(.+)' is not offered here; use one of (.+)", "budget.unsupported.EFFORT_NOT_OFFERED")
            .build();

    private ModelRefusalWords() {
    }

    /** {@code why} in the window's language when it is a known refusal, else as it is; null and empty stay so. */
    public static String say(String why) {
        return Messages.korean() ? KNOWN.say(why) : why;
    }
}
