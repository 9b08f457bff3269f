package org.carnet.ui.connection;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.carnet.core.common.AppException;
import org.carnet.core.guard.AttributeGuard;
import org.carnet.core.guard.ProgramGuard;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;

/**
 * "Change the guard category" of one attribute: adding a category is free, removing or replacing a sensitive one
 * needs a reason (it goes to the audit log). The classifier's own verdict and reason stay on show.
 */
final class GuardChangeView extends VBox {
    /** What the admin asked for. */
    record Change(SensitiveCategory category, String reason) {
    }

    private final Label error = new Label();
    private final javafx.beans.property.BooleanProperty busy = new javafx.beans.property.SimpleBooleanProperty();

    GuardChangeView(I18n i18n, ProgramInfo.Attribute attribute, Consumer<Change> onSave, Runnable onCancel) {
        setId("guardChangeView");
        getStyleClass().addAll("registry-dialog", "registry-page");
        setSpacing(12);
        setPrefWidth(560);
        AttributeGuard g = attribute.guard();
        Label title = new Label(i18n.get("guard.change.title"));
        title.getStyleClass().add("dialog-title");
        GridPane details = new GridPane();
        details.getStyleClass().add("key-value-grid");
        details.setHgap(12);
        details.setVgap(6);
        javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        details.getColumnConstraints().addAll(keys, values);
        int row = 0;
        row = ConnectionView.keyValue(details, row, i18n.get("guard.change.attribute"),
                ProgramDetailView.name(attribute), "guardChangeAttribute");
        row = ConnectionView.keyValue(details, row, i18n.get("guard.change.current"),
                ProgramDetailView.category(i18n, g.category()), "guardChangeCurrent");
        ConnectionView.keyValue(details, row, i18n.get("guard.change.classifier"), i18n.get(
                "guard.change.classifierVerdict", ProgramDetailView.category(i18n, g.detected()),
                ProgramDetailView.reason(i18n, g.detectedReason())), "guardChangeClassifier");

        ComboBox<SensitiveCategory> category = new ComboBox<>(FXCollections.observableArrayList(
                SensitiveCategory.values()));
        category.setId("guardChangeCategory");
        category.setConverter(new StringConverter<>() {
            @Override
            public String toString(SensitiveCategory c) {
                return c == null ? "" : ProgramDetailView.category(i18n, c);
            }

            @Override
            public SensitiveCategory fromString(String s) {
                return null;
            }
        });
        category.setValue(g.category());
        category.setMaxWidth(Double.MAX_VALUE);
        TextArea reason = new TextArea();
        reason.setId("guardChangeReason");
        reason.setWrapText(true);
        reason.setPrefRowCount(3);
        reason.setPromptText(i18n.get("guard.change.reasonPrompt"));

        BooleanBinding removes = Bindings.createBooleanBinding(() -> category.getValue() != null
                && ProgramGuard.removes(g.category(), category.getValue()), category.valueProperty());
        Label rule = new Label();
        rule.setId("guardChangeRule");
        rule.setWrapText(true);
        rule.textProperty().bind(Bindings.when(removes)
                .then(i18n.get("guard.change.reasonRequired", ProgramGuard.MIN_REASON_LENGTH))
                .otherwise(i18n.get("guard.change.reasonOptional")));
        rule.getStyleClass().add("form-hint");
        removes.addListener((o, a, b) -> rule.getStyleClass().setAll(b ? "form-warning" : "form-hint"));

        error.setId("guardChangeError");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);

        Button save = new Button(i18n.get("guard.change.save"));
        save.setId("guardChangeSave");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.disableProperty().bind(busy.or(category.valueProperty().isNull())
                .or(category.valueProperty().isEqualTo(g.category()).and(
                        Bindings.createBooleanBinding(() -> g.source() == AttributeGuard.Source.CLASSIFIER)))
                .or(removes.and(Bindings.createBooleanBinding(() -> reason.getText().strip().length()
                        < ProgramGuard.MIN_REASON_LENGTH, reason.textProperty()))));
        save.setOnAction(e -> {
            busy.set(true);
            onSave.accept(new Change(category.getValue(), reason.getText().strip()));
        });
        Button cancel = new Button(i18n.get("connection.cancel"));
        cancel.setId("guardChangeCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, grow, cancel, save);
        buttons.getStyleClass().add("dialog-buttons");
        Label intro = new Label(i18n.get("guard.change.intro"));
        intro.getStyleClass().add("dialog-body");
        intro.setWrapText(true);
        getChildren().addAll(title, intro, details, label(i18n, "guard.change.category"), category,
                label(i18n, "guard.change.reason"), reason, rule, error, buttons);
    }

    /** Shows why saving failed; the form stays as it was. */
    void fail(I18n i18n, Throwable e) {
        busy.set(false);
        error.setText(e instanceof AppException a ? i18n.describe(a) : i18n.get("registryui.error.unexpected"));
        error.setGraphic(Icons.of(Icons.WARNING));
        error.setManaged(true);
        error.setVisible(true);
    }

    private static Label label(I18n i18n, String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("form-label");
        return l;
    }
}
