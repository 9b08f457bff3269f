package org.carnet.ui.registry;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.carnet.core.crypto.PassphrasePolicy;
import org.carnet.uikit.I18n;

/**
 * Live passphrase strength: five segments coloured from red to green and the policy's reason in words
 * ({@link PassphrasePolicy#evaluate}). Colour is never the only signal: the reason says the same thing.
 */
public final class StrengthMeter extends VBox {
    static final String[] LEVEL_CLASSES = {"strength-weak", "strength-fair", "strength-good", "strength-excellent"};
    private static final PassphrasePolicy.Strength EMPTY = PassphrasePolicy.evaluate(new char[0]);

    private final Region[] segments = new Region[5];
    private final HBox bar = new HBox(4);
    private final ReadOnlyObjectWrapper<PassphrasePolicy.Strength> strength = new ReadOnlyObjectWrapper<>(this,
            "strength", EMPTY);

    public StrengthMeter(I18n i18n, String idPrefix) {
        getStyleClass().add("strength-meter");
        setId(idPrefix + "Strength");
        setSpacing(4);
        bar.getStyleClass().add("strength-bar");
        for (int i = 0; i < segments.length; i++) {
            Region r = new Region();
            r.getStyleClass().add("strength-segment");
            r.setPrefHeight(6);
            r.setMinHeight(6);
            r.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(r, Priority.ALWAYS);
            segments[i] = r;
            bar.getChildren().add(r);
        }
        Label reason = new Label();
        reason.setId(idPrefix + "StrengthReason");
        reason.getStyleClass().add("strength-reason");
        reason.setWrapText(true);
        reason.setAlignment(Pos.CENTER_LEFT);
        reason.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get(strength.get().reasonKey()),
                strength, i18n.localeProperty()));
        getChildren().addAll(bar, reason);
        show(EMPTY, false);
    }

    /** Evaluates what is typed now. The characters are only read, never kept. */
    public PassphrasePolicy.Strength evaluate(CharSequence text) {
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = text.charAt(i);
        }
        PassphrasePolicy.Strength s = PassphrasePolicy.evaluate(chars);
        java.util.Arrays.fill(chars, '\0');
        show(s, text.length() > 0);
        return s;
    }

    public ReadOnlyObjectProperty<PassphrasePolicy.Strength> strengthProperty() {
        return strength.getReadOnlyProperty();
    }

    private void show(PassphrasePolicy.Strength s, boolean typed) {
        strength.set(s);
        int filled = typed ? s.score() + 1 : 0;
        String level = !s.acceptable() ? LEVEL_CLASSES[0]
                : s.score() >= 4 ? LEVEL_CLASSES[3] : s.score() == 3 ? LEVEL_CLASSES[2] : LEVEL_CLASSES[1];
        bar.getStyleClass().removeAll(LEVEL_CLASSES);
        bar.getStyleClass().add(level);
        for (int i = 0; i < segments.length; i++) {
            segments[i].getStyleClass().remove("filled");
            if (i < filled) {
                segments[i].getStyleClass().add("filled");
            }
        }
    }
}
