package dev.thinkbench.ui.welcome;

import dev.thinkbench.ui.common.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The first-launch welcome's state and actions, without nodes: whether the bundled micro model is ready, which hosted
 * APIs have their key in the environment (whether it is set, never its value), and the choices. Each choice records
 * itself in {@link #chosenProperty()} and runs the callback the app set for it (switch engine, open the model
 * manager, close the welcome). Call everything on the FX thread; callbacks run on it.
 */
public final class WelcomeViewModel {

    private final ReadOnlyBooleanWrapper builtInReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper builtInDetail = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper hostedStatus = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<WelcomeChoice> chosen = new ReadOnlyObjectWrapper<>();
    private final Map<WelcomeChoice, Runnable> actions = new EnumMap<>(WelcomeChoice.class);
    private final List<HostedApi> hosted;

    /**
     * @param builtInModel how to name the bundled micro model (e.g. {@code micro-reasoner.gguf · bundled · 1.1M
     *                     params · F32}), null or blank when this build ships none
     * @param hosted the hosted APIs to mention
     * @param environment reads an environment variable (e.g. {@code System::getenv}); only presence is used
     */
    public WelcomeViewModel(String builtInModel, List<HostedApi> hosted, UnaryOperator<String> environment) {
        this.hosted = List.copyOf(hosted);
        boolean ready = builtInModel != null && !builtInModel.isBlank();
        builtInReady.set(ready);
        builtInDetail.set(ready ? builtInModel.strip()
                : Messages.get("welcome.builtIn.missing"));
        hostedStatus.set(status(this.hosted, environment));
    }

    private static String status(List<HostedApi> apis, UnaryOperator<String> environment) {
        StringBuilder b = new StringBuilder();
        for (HostedApi api : apis) {
            String value = environment.apply(api.keyVariable());
            boolean set = value != null && !value.isBlank();
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(Messages.get(set ? "welcome.hosted.keySet" : "welcome.hosted.keyMissing", api.name(),
                    api.keyVariable()));
        }
        return b.toString();
    }

    /** True when the bundled micro model is there to run now, offline. */
    public ReadOnlyBooleanProperty builtInReadyProperty() {
        return builtInReady.getReadOnlyProperty();
    }

    /** The micro model's description, or why it is missing. */
    public ReadOnlyStringProperty builtInDetailProperty() {
        return builtInDetail.getReadOnlyProperty();
    }

    /** One line per hosted API: whether its key variable is set. */
    public ReadOnlyStringProperty hostedStatusProperty() {
        return hostedStatus.getReadOnlyProperty();
    }

    public List<HostedApi> hostedApis() {
        return hosted;
    }

    /** The last choice made, null before any. */
    public ReadOnlyObjectProperty<WelcomeChoice> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    public void setOnUseBuiltIn(Runnable action) {
        on(WelcomeChoice.BUILT_IN, action);
    }

    public void setOnOpenModelManager(Runnable action) {
        on(WelcomeChoice.MODEL_MANAGER, action);
    }

    public void setOnUseOllama(Runnable action) {
        on(WelcomeChoice.OLLAMA, action);
    }

    public void setOnUseOpenAiCompatible(Runnable action) {
        on(WelcomeChoice.OPENAI_COMPATIBLE, action);
    }

    /** The app switches to a hosted API ({@link #hostedApis()} says which). */
    public void setOnUseHosted(Runnable action) {
        on(WelcomeChoice.HOSTED, action);
    }

    public void setOnDismiss(Runnable action) {
        on(WelcomeChoice.DISMISSED, action);
    }

    private void on(WelcomeChoice choice, Runnable action) {
        if (action == null) {
            actions.remove(choice);
        } else {
            actions.put(choice, action);
        }
    }

    /** Runs the micro model; nothing happens when this build ships none. */
    public void useBuiltIn() {
        if (builtInReady.get()) {
            choose(WelcomeChoice.BUILT_IN);
        }
    }

    public void openModelManager() {
        choose(WelcomeChoice.MODEL_MANAGER);
    }

    public void useOllama() {
        choose(WelcomeChoice.OLLAMA);
    }

    public void useOpenAiCompatible() {
        choose(WelcomeChoice.OPENAI_COMPATIBLE);
    }

    public void useHosted() {
        choose(WelcomeChoice.HOSTED);
    }

    public void dismiss() {
        choose(WelcomeChoice.DISMISSED);
    }

    private void choose(WelcomeChoice choice) {
        chosen.set(choice);
        Runnable action = actions.get(choice);
        if (action != null) {
            action.run();
        }
    }
}
