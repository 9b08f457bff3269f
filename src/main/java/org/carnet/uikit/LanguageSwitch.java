package org.carnet.uikit;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/**
 * A compact English | Français switch for windows shown before the main window can be used (set-up, unlock): a
 * first-run user whose system language is not theirs can switch at once. Each language is named in itself.
 */
public final class LanguageSwitch extends HBox {
    public LanguageSwitch(I18n i18n, String idPrefix) {
        getStyleClass().add("language-switch");
        setAlignment(Pos.CENTER_RIGHT);
        setMinWidth(USE_PREF_SIZE);
        ToggleGroup group = new ToggleGroup();
        for (Locale l : I18n.SUPPORTED) {
            ToggleButton b = new ToggleButton();
            b.setId(idPrefix + "-" + l.getLanguage());
            b.textProperty().bind(i18n.text("language." + l.getLanguage()));
            b.setToggleGroup(group);
            b.setSelected(l.equals(i18n.locale()));
            b.setFocusTraversable(false);
            b.setMinWidth(USE_PREF_SIZE);
            b.setOnAction(e -> {
                i18n.setLocale(l);
                b.setSelected(true);
            });
            getChildren().add(b);
        }
        getChildren().get(0).getStyleClass().add("first");
        getChildren().get(getChildren().size() - 1).getStyleClass().add("last");
        i18n.localeProperty().addListener((o, a, now) -> group.getToggles().forEach(t ->
                t.setSelected(((ToggleButton) t).getId().endsWith("-" + now.getLanguage()))));
    }
}
