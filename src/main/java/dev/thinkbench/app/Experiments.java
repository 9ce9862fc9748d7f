package dev.thinkbench.app;

import dev.thinkbench.lab.sweep.SweepRunner;
import dev.thinkbench.ui.BackgroundTasks;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import dev.thinkbench.ui.experiments.ExperimentsView;
import dev.thinkbench.ui.experiments.ExperimentsViewModel;

/**
 * Wires the Experiments tab: the engine bar's connection, the one engine registry and the app's presets, prices and
 * keys, the sweeps folder in the data folder and the app's problem sets. FX thread.
 */
final class Experiments {

    private Experiments() {
    }

    static ExperimentsView create(AppContext context, ConnectionViewModel connection, BackgroundTasks tasks) {
        return new ExperimentsView(new ExperimentsViewModel(connection, context, context.sweeps(),
                context.problemSets(), tasks, SweepRunner.Options.defaults().pausingWhenNoEndpoint()));
    }
}
