package dev.thinkbench.engine;

/**
 * A backend whose model must be loaded before it can continue text (the built-in engine), and that can say whether
 * it already is. A run calls {@link #loadModel} before its request, so the time it waits for a load is reported as a
 * model load ({@code Started.modelLoadMs}) and not as time to the first token.
 *
 * <p>Threading: {@link #loadModel} blocks until the model is loaded (or a load in progress ends); call it off the UI
 * thread. Several callers may wait for the same load.
 */
public interface ModelLoading {

    /**
     * Loads the model unless it is loaded already.
     *
     * @return how long this call waited for a load, in milliseconds, or null when the model was already loaded
     * @throws EngineException when the model cannot be loaded, with a message fit to show the user
     */
    Long loadModel() throws EngineException;
}
