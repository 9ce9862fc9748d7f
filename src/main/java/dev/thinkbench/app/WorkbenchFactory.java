package dev.thinkbench.app;

import dev.thinkbench.lab.settings.Settings;
import dev.thinkbench.ui.BackgroundTasks;
import dev.thinkbench.ui.Theme;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.WorkbenchView;
import dev.thinkbench.ui.WorkbenchViewModel;
import dev.thinkbench.ui.common.UiLanguage;
import dev.thinkbench.ui.compare.ColumnViewModel;
import dev.thinkbench.ui.compare.CompareViewModel;
import dev.thinkbench.ui.compare.PromptViewModel;
import dev.thinkbench.ui.connection.ConnectionViewModel;

/**
 * Builds the workbench's view models and views from the composition root's services and the saved settings, and
 * reads the settings back from them. Call on the UI thread.
 */
public final class WorkbenchFactory {

    private WorkbenchFactory() {
    }

    /** The workbench window's content, restored from {@code settings}; models are listed in the background. */
    public static WorkbenchView create(WorkbenchServices services, BackgroundTasks tasks, Settings settings) {
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(), tasks, services.environment(),
                services.keyStore());
        connection.restore(settings.engineId(), settings.baseUrls(), settings.model(), settings.apiKeyEnvs());
        PromptViewModel prompt = new PromptViewModel(services.samples());
        if (settings.temperature() != null) {
            // as left, a cleared field too (it came back as 0.6, the first value, at every start)
            prompt.temperatureProperty().set(settings.temperature());
        }
        CompareViewModel compare = new CompareViewModel(connection, prompt, services.presets(), services.prices());
        compare.restoreColumns(settings.columns());
        WorkbenchViewModel workbench = new WorkbenchViewModel(connection, compare);
        workbench.themeProperty().set(Theme.fromSettings(settings.theme()));
        workbench.languageProperty().set(UiLanguage.fromSettings(settings.language()));
        WorkbenchView view = new WorkbenchView(workbench);
        connection.refreshModels();
        return view;
    }

    /** {@code previous} updated with what the user chose in this session. */
    public static Settings settingsOf(WorkbenchViewModel vm, Settings previous) {
        ConnectionViewModel c = vm.connection();
        String engineId = c.engineEntryProperty().get() == null ? previous.engineId()
                : c.engineEntryProperty().get().id();
        return previous.withEngine(engineId, c.baseUrls().get(engineId), c.modelProperty().get())
                .withBaseUrls(c.baseUrls())
                .withApiKeyEnvs(c.apiKeyVariables())
                .withTheme(vm.themeProperty().get().settingsName())
                .withLanguage(vm.languageProperty().get().settingsName())
                .withColumns(vm.compare().budgetColumns().stream().map(ColumnViewModel::toSetting).toList())
                .withTemperature(vm.compare().prompt().temperatureProperty().get());
    }
}
