package dev.thinkbench.app;

import dev.thinkbench.engine.EngineRegistry;

/** The engine kinds this build wires in, in the order the UI lists them. */
final class Engines {

    private Engines() {
    }

    static EngineRegistry registry() {
        return new EngineRegistry();
    }
}
