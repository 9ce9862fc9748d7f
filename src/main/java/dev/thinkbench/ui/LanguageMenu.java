package dev.thinkbench.ui;

import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.UiLanguage;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.kordamp.ikonli.feather.Feather;

/**
 * The language submenu (in the top bar's display menu): System / English / 한국어, bound to the window's language
 * choice, with a note that the choice applies when Thinkbench starts again (every view reads its strings once, when
 * it is built). UI thread only.
 */
public final class LanguageMenu extends Menu {

    public LanguageMenu(ObjectProperty<UiLanguage> language) {
        super(Messages.get("language.menu"), Icons.icon(Feather.GLOBE));
        setId("languageMenu");
        ToggleGroup group = new ToggleGroup();
        for (UiLanguage l : UiLanguage.values()) {
            RadioMenuItem item = new RadioMenuItem(l.label());
            item.setId("language-" + l.settingsName());
            item.setToggleGroup(group);
            item.setUserData(l);
            item.setSelected(language.get() == l);
            item.setOnAction(e -> language.set(l));
            getItems().add(item);
        }
        language.addListener((obs, old, now) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));
        MenuItem note = new MenuItem(Messages.get("language.restart"));
        note.setId("languageRestartNote");
        note.setDisable(true);
        getItems().addAll(new SeparatorMenuItem(), note);
    }
}
