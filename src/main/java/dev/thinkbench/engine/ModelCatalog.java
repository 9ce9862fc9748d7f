package dev.thinkbench.engine;

import java.util.List;

/** A backend whose server can list the models it offers. Blocks the calling thread. */
public interface ModelCatalog {

    List<ModelInfo> listModels() throws EngineException;
}
