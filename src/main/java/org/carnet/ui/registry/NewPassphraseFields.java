package org.carnet.ui.registry;

import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.carnet.uikit.I18n;

/**
 * A new passphrase typed twice, with the strength meter under the first field and a match hint under the second.
 * {@link #validProperty()} is true only when the policy accepts the passphrase and both fields are the same.
 */
public final class NewPassphraseFields extends GridPane {
    private final PasswordField passphrase = new PasswordField();
    private final PasswordField confirm = new PasswordField();
    private final StrengthMeter meter;
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    /**
     * @param labelKey   label of the first field (new passphrase)
     * @param passId     fx id of the first field
     * @param confirmId  fx id of the confirmation field
     */
    public NewPassphraseFields(I18n i18n, String labelKey, String passId, String confirmId) {
        getStyleClass().add("form-grid");
        setHgap(12);
        setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        getColumnConstraints().addAll(labels, fields);

        passphrase.setId(passId);
        confirm.setId(confirmId);
        passphrase.promptTextProperty().bind(i18n.text("passphraseui.new.prompt"));
        meter = new StrengthMeter(i18n, passId);

        Label passLabel = label(i18n, labelKey);
        passLabel.setLabelFor(passphrase);
        Label confirmLabel = label(i18n, "passphraseui.confirm");
        confirmLabel.setLabelFor(confirm);

        Label match = new Label();
        match.setId(confirmId + "Match");
        match.getStyleClass().add("match-hint");
        match.setWrapText(true);
        BooleanBinding same = Bindings.createBooleanBinding(
                () -> contentEquals(passphrase.getCharacters(), confirm.getCharacters()),
                passphrase.textProperty(), confirm.textProperty());
        BooleanBinding showMismatch = confirm.textProperty().isNotEmpty().and(same.not());
        match.textProperty().bind(Bindings.when(showMismatch).then(i18n.text("passphraseui.mismatch"))
                .otherwise(Bindings.when(confirm.textProperty().isNotEmpty()).then(i18n.text("passphraseui.match"))
                        .otherwise("")));
        showMismatch.addListener((o, a, b) -> {
            match.getStyleClass().removeAll("match-ok", "match-bad");
            match.getStyleClass().add(b ? "match-bad" : "match-ok");
        });
        match.getStyleClass().add("match-ok");
        match.visibleProperty().bind(match.textProperty().isNotEmpty());

        Label tip = new Label();
        tip.getStyleClass().add("form-hint");
        tip.setWrapText(true);
        tip.textProperty().bind(i18n.text("passphraseui.tip"));

        passphrase.textProperty().addListener((o, a, b) -> meter.evaluate(passphrase.getCharacters()));
        valid.bind(Bindings.createBooleanBinding(() -> meter.strengthProperty().get().acceptable(),
                meter.strengthProperty()).and(same).and(passphrase.textProperty().isNotEmpty()));

        add(passLabel, 0, 0);
        add(passphrase, 1, 0);
        add(meter, 1, 1);
        add(tip, 1, 2);
        add(confirmLabel, 0, 3);
        add(confirm, 1, 3);
        add(match, 1, 4);
        GridPane.setMargin(confirmLabel, new javafx.geometry.Insets(6, 0, 0, 0));
        GridPane.setMargin(confirm, new javafx.geometry.Insets(6, 0, 0, 0));
    }

    /** Adds a field above the new passphrase (current passphrase, recovery key), aligned with the others. */
    public void prepend(I18n i18n, String labelKey, javafx.scene.Node field) {
        for (javafx.scene.Node n : getChildren()) {
            Integer row = GridPane.getRowIndex(n);
            GridPane.setRowIndex(n, (row == null ? 0 : row) + 1);
        }
        Label l = label(i18n, labelKey);
        if (field instanceof javafx.scene.control.Control c) {
            l.setLabelFor(c);
        }
        add(l, 0, 0);
        add(field, 1, 0);
        GridPane.setMargin(l, new javafx.geometry.Insets(0, 0, 6, 0));
        GridPane.setMargin(field, new javafx.geometry.Insets(0, 0, 6, 0));
    }

    private static Label label(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add("form-label");
        return l;
    }

    static boolean contentEquals(CharSequence a, CharSequence b) {
        if (a.length() != b.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
            diff |= a.charAt(i) ^ b.charAt(i);
        }
        return diff == 0;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** A copy of the new passphrase; the caller wipes it after use. */
    public char[] passphrase() {
        return chars(passphrase);
    }

    static char[] chars(PasswordField field) {
        CharSequence cs = field.getCharacters();
        char[] out = new char[cs.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cs.charAt(i);
        }
        return out;
    }

    public PasswordField passphraseField() {
        return passphrase;
    }

    public PasswordField confirmField() {
        return confirm;
    }

    public void clear() {
        passphrase.clear();
        confirm.clear();
    }

    public void setEditable(boolean editable) {
        passphrase.setDisable(!editable);
        confirm.setDisable(!editable);
    }

    static void wipe(char[] c) {
        if (c != null) {
            Arrays.fill(c, '\0');
        }
    }
}
