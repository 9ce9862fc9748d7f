package dev.thinkbench.ui.connection;

import atlantafx.base.theme.Styles;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.ui.common.EngineNames;
import dev.thinkbench.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import dev.thinkbench.ui.common.Messages;
import org.kordamp.ikonli.feather.Feather;

/**
 * The top bar's connection controls: engine picker, base URL, API key variable, model picker with refresh (F5), and
 * an inline message when the engine cannot be set up or the models cannot be listed. UI thread only.
 */
public final class ConnectionBar extends HBox {

    private final ConnectionViewModel vm;
    private final ComboBox<String> model = new ComboBox<>();
    private final StatusBadge serverStatus;
    /** The server's URL, key variable and key, in the bar or, where it is too narrow, behind {@link #serverChip}. */
    private final HBox serverFields = new HBox(8);
    /** Stands for the server fields while they are folded: the server's host; a click shows them. */
    private final Button serverChip = Icons.button("", Feather.SERVER, Messages.get("engine.server.help"),
            Styles.SMALL, Styles.BUTTON_OUTLINED);
    private final org.controlsfx.control.PopOver serverPopOver = new org.controlsfx.control.PopOver();
    private boolean folded;

    public ConnectionBar(ConnectionViewModel vm) {
        this.vm = vm;
        getStyleClass().add("connection-bar");
        setSpacing(8);
        // what still does not fit is cut at the bar's edge, never drawn over the window's buttons beside it
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.setY(-6); // room above and below for the focus ring
        clip.widthProperty().bind(widthProperty().add(3));
        clip.heightProperty().bind(heightProperty().add(12));
        setClip(clip);
        setAlignment(Pos.CENTER_LEFT);

        ComboBox<EngineRegistry.Entry> engine = new ComboBox<>(vm.engines());
        engine.setId("enginePicker");
        engine.valueProperty().bindBidirectional(vm.engineEntryProperty());
        engine.setCellFactory(list -> new EngineCell());
        engine.setButtonCell(new EngineCell());
        engine.setTooltip(Icons.tip(Messages.get("engine.kind.help")));
        // widths in em (thinkbench.css #enginePicker, #modelPicker), so they follow the zoom

        TextField url = new TextField();
        url.setId("baseUrlField");
        url.textProperty().bindBidirectional(vm.baseUrlProperty());
        url.setPromptText(Messages.get("engine.url.placeholder"));
        url.setPrefColumnCount(18);
        url.setMinWidth(96);
        url.setTooltip(Icons.tip(Messages.get("engine.url.help")));
        url.setOnAction(e -> vm.refreshModels());
        url.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                vm.refreshModels();
            }
        });
        vm.connectionErrorProperty().addListener((obs, old, now) -> url.pseudoClassStateChanged(Styles.STATE_DANGER,
                vm.engineProperty().get() == null && !now.isEmpty()));

        TextField key = new TextField();
        key.textProperty().bindBidirectional(vm.apiKeyVariableProperty());
        key.setPromptText(Messages.get("engine.keyVariable.placeholder"));
        key.setPrefColumnCount(10);
        key.setMinWidth(64);
        key.setTooltip(Icons.tip(Messages.get("engine.keyVariable.help")));
        key.setOnAction(e -> vm.refreshModels());

        PasswordField secret = keyField(vm);

        model.setId("modelPicker");
        model.setEditable(true);
        model.setPromptText(Messages.get("engine.model.placeholder"));
        model.valueProperty().bindBidirectional(vm.modelProperty());
        model.setTooltip(Icons.tip(Messages.get("engine.model.help")));
        ObservableList<String> names = FXCollections.observableArrayList();
        // the box and its list name each model as people know it (an Ollama blob's path is "micro:latest (Ollama)")
        model.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String name) {
                return vm.labelOf(name);
            }

            @Override
            public String fromString(String text) {
                return vm.nameOf(text);
            }
        });
        model.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty || name == null ? null : vm.labelOf(name));
            }
        });
        vm.modelsProperty().addListener((ListChangeListener<ModelInfo>) c -> {
            names.setAll(vm.modelsProperty().stream().map(ModelInfo::name).toList());
            if (!model.getEditor().isFocused()) {
                // the list came after the name (a restart): the box names it as the list does
                model.getEditor().setText(vm.labelOf(model.getValue()));
            }
        });
        model.setItems(names);

        Button refresh = Icons.button(null, Feather.REFRESH_CW, Messages.get("engine.refresh.help"),
                Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setId("refreshModels");
        refresh.setOnAction(e -> vm.refreshModels());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(vm.loadingModelsProperty());
        refresh.visibleProperty().bind(vm.loadingModelsProperty().not());
        StackPane refreshSlot = new StackPane(refresh, busy);

        // the set-up problem (a bad URL, a missing key variable) in words; the check of the engine and the model load
        // as short badges that open the whole message
        Label problem = new Label();
        problem.setId("connectionProblem");
        problem.getStyleClass().addAll("connection-problem", Styles.TEXT_SMALL);
        problem.setGraphic(Icons.icon(Feather.ALERT_CIRCLE));
        problem.textProperty().bind(vm.connectionErrorProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setMaxWidth(420);
        problem.setMinWidth(60);
        HBox.setHgrow(problem, javafx.scene.layout.Priority.SOMETIMES);
        Icons.tipFollowing(problem, problem.textProperty());
        serverStatus = new StatusBadge("serverStatus", vm.statusProperty(), vm::refreshModels);
        StatusBadge modelStatus = new StatusBadge("modelStatus", vm.modelStatusProperty(), null);

        serverFields.setAlignment(Pos.CENTER_LEFT);
        serverFields.getChildren().addAll(url, key, secret);
        serverChip.setId("serverChip");
        serverChip.setMinWidth(Region.USE_PREF_SIZE);
        serverChip.textProperty().bind(vm.baseUrlProperty().map(ConnectionBar::host)
                .orElse(Messages.get("engine.server.caption")));
        // a server that cannot be reached, or a URL that is no URL, shows on the chip too: the fields are behind it
        vm.connectionErrorProperty().addListener((obs, old, now) -> serverChip.pseudoClassStateChanged(
                Styles.STATE_DANGER, !now.isEmpty()));
        serverChip.setOnAction(e -> showServerFields(url));
        serverPopOver.setDetachable(false);
        serverPopOver.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.TOP_LEFT);
        serverPopOver.setAutoHide(true);
        serverPopOver.getStyleClass().add("server-popover");
        serverPopOver.setOnHidden(e -> serverChip.requestFocus());
        getChildren().addAll(caption(Messages.get("engine.caption"), engine), engine, serverFields, serverChip,
                caption(Messages.get("engine.model.caption"), model), model, refreshSlot, problem, serverStatus, modelStatus);
        vm.engineEntryProperty().addListener((obs, old, now) -> showServerFields(url, key, secret));
        showServerFields(url, key, secret);
    }

    /**
     * Lays the bar out for {@code room} pixels: the server fields stay in the bar while everything fits, and fold
     * behind a chip that names the server while it would not (at 1280 px the URL read "http://127.0.0." and both key
     * fields "API ke"; a line of their own would take the columns' height). They come back into the bar only with room
     * to spare, so a width near the edge does not flip them back and forth.
     */
    public void fitTo(double room) {
        double inline = inlineWidth();
        boolean fold = folded ? inline > room - FOLD_MARGIN : inline > room;
        if (fold != folded) {
            folded = fold;
            serverPopOver.hide();
            if (fold) {
                getChildren().remove(serverFields);
                VBox content = new VBox(6, caption(Messages.get("engine.server.popover"), null), serverFields);
                content.setPadding(new javafx.geometry.Insets(10, 12, 12, 12));
                serverPopOver.setContentNode(content);
            } else {
                serverPopOver.setContentNode(null);
                getChildren().add(getChildren().indexOf(serverChip), serverFields);
            }
        }
        showServerChip();
    }

    /**
     * The width the bar needs with the server fields in it: each part at its preferred width, the engine and model
     * boxes down to {@value #COMBO_SHARE} of theirs (their names are cut with an ellipsis and shown whole when open).
     */
    private double inlineWidth() {
        double width = 0;
        int parts = 0;
        for (javafx.scene.Node n : getChildren()) {
            if (n.isManaged() && n != serverFields) {
                width += n instanceof ComboBox<?> ? COMBO_SHARE * n.prefWidth(-1) : n.prefWidth(-1);
                parts++;
            }
        }
        if (vm.usesServer()) {
            width += serverFields.prefWidth(-1) - (serverChip.isManaged() ? serverChip.prefWidth(-1) : 0);
            parts += serverChip.isManaged() ? 0 : 1;
        }
        return width + getSpacing() * Math.max(0, parts - 1) + snappedLeftInset() + snappedRightInset();
    }

    /** How far the engine and model boxes may narrow before the server fields fold away. */
    private static final double COMBO_SHARE = 0.7;

    /** Shows the folded server fields under the chip, the URL field focused. */
    private void showServerFields(TextField url) {
        if (folded && !serverPopOver.isShowing()) {
            serverPopOver.show(serverChip);
            url.requestFocus();
        }
    }

    /** The host (and port) of {@code url} for the chip: {@code 127.0.0.1:8080}, {@code api.deepseek.com}. */
    public static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            java.net.URI u = java.net.URI.create(url.strip());
            if (u.getHost() != null) {
                return u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            }
        } catch (IllegalArgumentException e) {
            // shown as typed
        }
        String typed = url.strip();
        return typed.length() <= 24 ? typed : typed.substring(0, 23) + "\u2026";
    }

    /** Room the bar must have to spare before folded server fields come back into it, in pixels. */
    private static final double FOLD_MARGIN = 24;

    /** Whether the server fields are folded behind the chip now, for tests. */
    public boolean serverFieldsFolded() {
        return folded && serverChip.isVisible();
    }

    /** Opens the folded server fields as a click on the chip does, for tests. */
    public void openServerFields() {
        serverChip.fire();
    }

    private void showServerChip() {
        boolean shown = folded && vm.usesServer();
        serverChip.setVisible(shown);
        serverChip.setManaged(shown);
        if (!shown) {
            serverPopOver.hide();
        }
    }

    /** An engine without a server (the built-in one) needs no URL or key: their room goes to the model and checks. */
    private void showServerFields(TextField url, TextField key, PasswordField secret) {
        boolean server = vm.usesServer();
        url.setDisable(!server);
        key.setDisable(!server);
        secret.setDisable(!server);
        for (TextField f : java.util.List.of(url, key)) {
            f.setVisible(server);
            f.setManaged(server);
        }
        secret.setVisible(server && vm.canStoreKeys());
        secret.setManaged(secret.isVisible());
        showServerChip();
    }

    /**
     * A masked field for the API key itself: Enter, or leaving the field, keeps it in the user-only key file (never in
     * the settings) and clears the field, so the key is never shown again (a key pasted and tabbed away from was
     * silently not used). An empty field leaves the saved key alone; its context menu forgets it. Hidden when the app
     * has no key store.
     */
    private static PasswordField keyField(ConnectionViewModel vm) {
        PasswordField secret = new PasswordField();
        secret.setId("apiKeyField");
        secret.setPrefColumnCount(8);
        secret.setMinWidth(64);
        secret.promptTextProperty().bind(Bindings.when(vm.keyStoredProperty()).then(Messages.get("engine.key.saved"))
                .otherwise(Messages.get("engine.key.placeholder")));
        secret.setTooltip(Icons.tip(Messages.get("engine.key.help")));
        Runnable keep = () -> {
            if (!secret.getText().isBlank()) {
                vm.saveApiKey(secret.getText().strip());
            }
            secret.clear();
        };
        secret.setOnAction(e -> keep.run());
        secret.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                keep.run();
            }
        });
        MenuItem paste = new MenuItem(Messages.get("engine.key.paste"));
        paste.setOnAction(e -> secret.paste());
        MenuItem forget = new MenuItem(Messages.get("engine.key.forget"));
        forget.setId("forgetApiKey");
        forget.disableProperty().bind(vm.keyStoredProperty().not());
        forget.setOnAction(e -> vm.saveApiKey(""));
        secret.setContextMenu(new ContextMenu(paste, forget));
        secret.setVisible(vm.canStoreKeys());
        secret.setManaged(vm.canStoreKeys());
        return secret;
    }

    /** A caption before {@code field}, tied to it (its name for a screen reader). */
    private static Label caption(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        l.getStyleClass().addAll("bar-caption", Styles.TEXT_MUTED);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Opens the whole message of the engine check (as a click on its badge does). */
    public void showServerStatusDetail() {
        serverStatus.showDetail();
    }

    /** Lists the server's models again. */
    public void refresh() {
        vm.refreshModels();
    }

    /** Shows an engine kind by its display name. */
    private static final class EngineCell extends ListCell<EngineRegistry.Entry> {
        @Override
        protected void updateItem(EngineRegistry.Entry item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? Messages.get("engine.none") : EngineNames.of(item));
        }
    }
}
