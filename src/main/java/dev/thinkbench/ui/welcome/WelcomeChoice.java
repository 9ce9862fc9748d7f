package dev.thinkbench.ui.welcome;

/** What the user picked on the welcome. */
public enum WelcomeChoice {
    /** Run the bundled micro model on the built-in engine. */
    BUILT_IN,
    /** Open the model manager to download a model for the built-in engine. */
    MODEL_MANAGER,
    /** Connect to a local Ollama. */
    OLLAMA,
    /** Connect to an OpenAI-compatible server (llama.cpp server, vLLM, LM Studio). */
    OPENAI_COMPATIBLE,
    /** Use a hosted API with a key from the environment. */
    HOSTED,
    /** Close the welcome without choosing. */
    DISMISSED
}
