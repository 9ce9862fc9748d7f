package dev.thinkbench.ui.models;

import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.local.models.CatalogModel;
import dev.thinkbench.ui.common.KnownSentences;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One catalog model as the model manager shows it: where its download stands. Properties change on the FX thread
 * only (the view model's drain).
 */
public final class CatalogEntry {

    /** Where a catalog model's download stands. */
    public enum State {
        AVAILABLE, DOWNLOADING, PAUSED, INSTALLED, FAILED
    }

    private final CatalogModel model;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.AVAILABLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private CancelToken cancel;
    private boolean discarding;

    CatalogEntry(CatalogModel model) {
        this.model = model;
    }

    public CatalogModel model() {
        return model;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** A line about the download: bytes done, the reason it failed, or the license. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /**
     * The model's license in the window's language: the catalog writes "MIT (base model Qwen2.5-Math-1.5B:
     * Apache-2.0)" in English; the names and licenses stay as written.
     */
    String license() {
        return LICENSE.say(model.license());
    }

    private static final KnownSentences LICENSE = KnownSentences.builder()
            .add("(.+) \\(base model (.+?): (.+)\\)", "models.license.withBase")
            .build();

    void update(State s, double fraction, String text) {
        state.set(s);
        progress.set(fraction);
        detail.set(text);
    }

    CancelToken cancelToken() {
        return cancel;
    }

    void cancelToken(CancelToken token) {
        cancel = token;
    }

    /** Whether its download was cancelled and what it wrote is to be deleted once it has stopped. FX thread. */
    boolean discarding() {
        return discarding;
    }

    void discarding(boolean value) {
        discarding = value;
    }
}
