package dev.thinkbench.app;

import dev.thinkbench.engine.compat.OpenAiCompatEngine;
import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.models.BundledModels;
import dev.thinkbench.engine.local.models.LocalModel;
import dev.thinkbench.engine.ollama.OllamaEngine;
import dev.thinkbench.lab.settings.CurrentSettings;
import dev.thinkbench.ui.WorkbenchView;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import dev.thinkbench.ui.welcome.HostedApi;
import dev.thinkbench.ui.welcome.WelcomeView;
import dev.thinkbench.ui.welcome.WelcomeViewModel;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The welcome over the workbench: shown on first launch (until a choice is made) and from the help button. Each
 * choice sets the engine bar accordingly, closes the welcome, marks it seen and saves the settings with the choice.
 * FX thread only.
 */
final class WelcomeFlow {

    private static final HostedApi HOSTED = HostedApi.DEEPSEEK;

    private final WorkbenchView view;
    private final CurrentSettings settings;
    private final LocalBackends builtin;
    private final UnaryOperator<String> environment;
    private final Runnable openModels;
    private WelcomeView shown;

    /** @param openModels selects the Models tab */
    WelcomeFlow(WorkbenchView view, CurrentSettings settings, LocalBackends builtin, UnaryOperator<String> environment,
                Runnable openModels) {
        this.view = view;
        this.settings = settings;
        this.builtin = builtin;
        this.environment = environment;
        this.openModels = openModels;
    }

    /** Shows the welcome on first launch; returns whether it did. */
    boolean showIfFirstLaunch() {
        if (settings.get().welcomeSeen()) {
            return false;
        }
        show();
        return true;
    }

    /** Shows the welcome (again). */
    void show() {
        if (view.overlayShowing()) {
            return;
        }
        WelcomeViewModel vm = new WelcomeViewModel(microDescription(builtin).orElse(null), List.of(HOSTED),
                environment);
        ConnectionViewModel c = view.viewModel().connection();
        vm.setOnUseBuiltIn(() -> chosen(() -> c.use(LocalCompletionBackend.ID, null, null, BundledModels.MICRO)));
        vm.setOnOpenModelManager(() -> chosen(() -> {
            c.use(LocalCompletionBackend.ID, null, null, null);
            openModels.run();
        }));
        vm.setOnUseOllama(() -> chosen(() -> c.use(OllamaEngine.ID, null, null, null)));
        vm.setOnUseOpenAiCompatible(() -> chosen(() -> c.use(OpenAiCompatEngine.ID, null, null, null)));
        vm.setOnUseHosted(() -> chosen(() -> c.use(OpenAiCompatEngine.ID, HOSTED.baseUrl(), HOSTED.keyVariable(),
                HOSTED.model())));
        vm.setOnDismiss(() -> chosen(() -> { }));
        shown = new WelcomeView(vm);
        view.showOverlay(shown, vm::dismiss);
    }

    /** The welcome on screen, null when closed. */
    WelcomeView shown() {
        return shown;
    }

    private void chosen(Runnable applyChoice) {
        view.closeOverlay();
        shown = null;
        applyChoice.run();
        settings.update(s -> WorkbenchFactory.settingsOf(view.viewModel(), s).withWelcomeSeen());
    }

    /** E.g. {@code micro-reasoner.gguf · 1.1M parameters · F32} (in the window's language), when the micro model is shipped and runs here. */
    static Optional<String> microDescription(LocalBackends builtin) {
        return builtin.bundled().all().stream()
                .filter(m -> m.usable() && m.path().getFileName().toString().equals(BundledModels.MICRO))
                .findFirst().map(WelcomeFlow::describe);
    }

    private static String describe(LocalModel m) {
        return Messages.get("welcome.builtIn.detail", BundledModels.MICRO, m.info().parameterLabel(),
                m.info().quantization());
    }
}
