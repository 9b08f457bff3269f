package org.carnet.ui.connection;

import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.carnet.core.guard.AttributeGuard;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.uikit.Dialogs;
import org.carnet.uikit.Controls;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;

/**
 * The saved programs and the detail of the selected one: its attributes with the sensitive-data guard's verdict on
 * each, the guarded attributes with their reasons, a warning when the program's own name gives a condition away (with
 * the neutral label used instead on cards and messages), and "Change category…" for the admin.
 */
final class ProgramDetailView extends VBox {
    private final I18n i18n;
    private final ConnectionViewModel vm;
    private final TableView<ProgramInfo> programs;
    private final TableView<ProgramInfo.Attribute> attributes = new TableView<>();
    private final ObservableList<ProgramInfo.Attribute> guarded = FXCollections.observableArrayList();
    private final VBox flagged = new VBox(6);
    private final Label flaggedText = new Label();
    private final TextField publicLabel = new TextField();
    private final Label guardedTitle = new Label();
    private final ListView<ProgramInfo.Attribute> guardedList = new ListView<>(guarded);

    ProgramDetailView(I18n i18n, ConnectionViewModel vm) {
        super(8);
        this.i18n = i18n;
        this.vm = vm;
        setId("connectionProgramsCard");
        getStyleClass().add("panel-card");
        programs = new TableView<>(vm.programs());
        programs.setId("connectionPrograms");
        programs.setPlaceholder(hint("connection.programs.none"));
        programs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        programs.getColumns().add(column("connection.programs.name", 230, p -> p.name()));
        programs.getColumns().add(column("connection.programs.code", 70, p -> p.code() == null ? "—" : p.code()));
        programs.getColumns().add(column("connection.programs.attributes", 70,
                p -> String.valueOf(p.attributes().size())));
        programs.getColumns().add(column("guard.column.guarded", 70, p -> String.valueOf(p.guardedAttributes()
                .size())));
        programs.getColumns().add(column("connection.programs.uid", 110, ProgramInfo::uid));
        programs.setPrefHeight(190);

        attributes.setId("connectionAttributes");
        attributes.setPlaceholder(hint("connection.attributes.select"));
        attributes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        attributes.getColumns().add(column("connection.attributes.code", 150, a -> a.code() == null
                ? i18n.get("connection.attributes.noCode") : a.code()));
        attributes.getColumns().add(column("connection.attributes.name", 190, a -> a.displayName()));
        attributes.getColumns().add(guardColumn());
        attributes.getColumns().add(column("connection.attributes.type", 110, a -> a.valueType()));
        attributes.getColumns().add(column("connection.attributes.options", 150, a -> a.options().isEmpty() ? ""
                : a.options().stream().map(o -> o.code() + " = " + o.displayName()).collect(Collectors.joining(", "))));
        attributes.getColumns().add(column("connection.attributes.flags", 110, a -> (a.confidential()
                ? i18n.get("connection.attributes.confidential") : "") + (a.mandatory()
                ? (a.confidential() ? ", " : "") + i18n.get("connection.attributes.mandatory") : "")));
        attributes.setPrefHeight(190);

        programs.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> show(p));
        vm.programs().addListener((ListChangeListener<ProgramInfo>) c -> {
            ProgramInfo selected = programs.getSelectionModel().getSelectedItem();
            if (!vm.programs().isEmpty() && selected == null) {
                programs.getSelectionModel().selectFirst();
            } else {
                show(selected);
            }
        });
        SplitPane split = new SplitPane(programs, attributes);
        split.setDividerPositions(0.42);

        Label title = new Label();
        title.textProperty().bind(i18n.text("connection.programs"));
        title.getStyleClass().add("section-title");
        getChildren().addAll(title, hint("connection.programs.hint"), split, flaggedBox(), guardBox());
        show(null);
        i18n.localeProperty().addListener((o, a, b) -> {
            show(programs.getSelectionModel().getSelectedItem());
            attributes.refresh();
        });
    }

    private VBox flaggedBox() {
        flagged.setId("guardFlaggedProgram");
        flagged.getStyleClass().add("guard-flagged");
        flaggedText.setId("guardFlaggedText");
        flaggedText.setWrapText(true);
        flaggedText.setGraphic(Icons.of(Icons.WARNING));
        flaggedText.getStyleClass().add("form-warning");
        publicLabel.setId("guardPublicLabel");
        publicLabel.setPrefColumnCount(28);
        publicLabel.promptTextProperty().bind(i18n.text("guard.publicLabel.default"));
        Button save = button("guardPublicLabelSave", "guard.publicLabel.save");
        save.disableProperty().bind(vm.savedProperty().not());
        save.setOnAction(e -> {
            ProgramInfo p = programs.getSelectionModel().getSelectedItem();
            if (p != null) {
                vm.setPublicLabel(p.uid(), publicLabel.getText(), err -> {
                });
            }
        });
        Label caption = new Label();
        caption.textProperty().bind(i18n.text("guard.publicLabel.caption"));
        caption.getStyleClass().add("form-label");
        HBox row = new HBox(8, caption, publicLabel, save);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        flagged.getChildren().addAll(flaggedText, row);
        return flagged;
    }

    private VBox guardBox() {
        guardedTitle.getStyleClass().add("form-label");
        guardedTitle.setId("guardGuardedTitle");
        ListView<ProgramInfo.Attribute> list = guardedList;
        list.setId("guardGuardedList");
        list.setPrefHeight(120);
        list.setPlaceholder(hint("guard.guarded.none"));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ProgramInfo.Attribute a, boolean empty) {
                super.updateItem(a, empty);
                if (empty || a == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                AttributeGuard g = a.guard();
                setText(g.source() == AttributeGuard.Source.ADMIN
                        ? i18n.get("guard.guarded.admin", name(a), category(i18n, g.category()), g.reason())
                        : i18n.get("guard.guarded.classifier", name(a), category(i18n, g.category()),
                                reason(i18n, g.reason())));
                setGraphic(Icons.of(Icons.LOCK));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Button change = button("guardChangeButton", "guard.change.button");
        change.disableProperty().bind(attributes.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.savedProperty().not()));
        change.setOnAction(e -> openChange());
        Label needsSave = hint("guard.change.needsSave");
        needsSave.visibleProperty().bind(vm.savedProperty().not().and(Bindings.isNotEmpty(vm.programs())));
        needsSave.managedProperty().bind(needsSave.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, guardedTitle, grow, needsSave, change);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(6, head, list);
        box.setId("guardBox");
        return box;
    }

    private void show(ProgramInfo p) {
        attributes.getItems().setAll(p == null ? java.util.List.of() : p.attributes());
        guarded.setAll(p == null ? java.util.List.of() : p.guardedAttributes());
        guardedList.refresh();
        guardedTitle.setText(p == null ? i18n.get("guard.guarded.titleNone")
                : i18n.get("guard.guarded.title", p.guardedAttributes().size(), p.attributes().size()));
        boolean flag = p != null && p.label().flagged();
        flagged.setVisible(flag);
        flagged.setManaged(flag);
        if (flag) {
            flaggedText.setText(i18n.get("guard.flagged.text", category(i18n, p.label().revealed()),
                    reason(i18n, p.label().reason())));
            publicLabel.setText(p.label().publicLabel() == null ? "" : p.label().publicLabel());
        }
    }

    private void openChange() {
        ProgramInfo p = programs.getSelectionModel().getSelectedItem();
        ProgramInfo.Attribute a = attributes.getSelectionModel().getSelectedItem();
        if (p == null || a == null || a.guard() == null) {
            return;
        }
        Stage[] stage = new Stage[1];
        GuardChangeView[] view = new GuardChangeView[1];
        view[0] = new GuardChangeView(i18n, a, change -> vm.setGuardCategory(p.uid(), a.uid(), change.category(),
                change.reason(), err -> {
                    if (err == null) {
                        stage[0].close();
                    } else {
                        view[0].fail(i18n, err);
                    }
                }), () -> stage[0].close());
        stage[0] = Dialogs.modal(getScene() == null ? null : getScene().getWindow(), i18n.text("guard.change.title"),
                view[0]);
        stage[0].show();
    }

    /** The "Guard" column: the category as a chip, the reason on hover. */
    private TableColumn<ProgramInfo.Attribute, ProgramInfo.Attribute> guardColumn() {
        TableColumn<ProgramInfo.Attribute, ProgramInfo.Attribute> c = new TableColumn<>();
        c.setId("guardColumn");
        c.textProperty().bind(i18n.text("guard.column.guard"));
        c.setPrefWidth(130);
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ProgramInfo.Attribute a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().removeAll("guard-sensitive", "guard-admin");
                if (empty || a == null || a.guard() == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                AttributeGuard g = a.guard();
                boolean quiet = !g.sensitive() && g.source() == AttributeGuard.Source.CLASSIFIER;
                String text = quiet ? "—" : category(i18n, g.category());
                if (g.source() == AttributeGuard.Source.ADMIN) {
                    text += " · " + i18n.get("guard.column.admin");
                    getStyleClass().add("guard-admin");
                }
                setText(text);
                setGraphic(g.sensitive() ? Icons.of(Icons.LOCK) : null);
                if (g.sensitive()) {
                    getStyleClass().add("guard-sensitive");
                }
                setTooltip(new Tooltip(g.source() == AttributeGuard.Source.ADMIN ? g.reason()
                        : reason(i18n, g.reason())));
            }
        });
        return c;
    }

    /** The phrases of the classifier's reasons, longest first, with their message keys. */
    private static final String[][] REASON_PHRASES = {
            {" in short name prefix", "guard.reason.inShortNamePrefix"}, {" in name prefix", "guard.reason.inNamePrefix"},
            {" in short name", "guard.reason.inShortName"}, {" in name", "guard.reason.inName"},
            {" in code", "guard.reason.inCode"}, {" in description", "guard.reason.inDescription"},
            {" in options", "guard.reason.inOptions"}, {"core identity field", "guard.reason.identity"},
            {"no sensitive term", "guard.reason.noTerm"}, {"evidence below threshold", "guard.reason.belowThreshold"},
            {" ignored next to ", "guard.reason.ignoredNextTo"}};

    /**
     * The classifier's reason (written in English, with the matched terms as they are) in the interface language:
     * its fixed phrases and the category names are translated, the quoted terms kept.
     */
    static String reason(I18n i18n, String reason) {
        if (reason == null) {
            return "";
        }
        String out = reason;
        for (String[] p : REASON_PHRASES) {
            out = out.replace(p[0], i18n.get(p[1]));
        }
        for (SensitiveCategory c : SensitiveCategory.values()) {
            out = out.replace("→ " + c.name(), "→ " + category(i18n, c));
        }
        return out;
    }

    static String name(ProgramInfo.Attribute a) {
        return a.displayName() == null ? a.uid() : a.displayName();
    }

    static String category(I18n i18n, SensitiveCategory c) {
        return i18n.get("guard.category." + c.name());
    }

    private <S> TableColumn<S, String> column(String key, double width, java.util.function.Function<S, String> value) {
        return Controls.textColumn(i18n, key, width, value);
    }

    private Label hint(String key) {
        return Controls.hint(i18n, key);
    }

    private Button button(String id, String key) {
        return Controls.button(i18n, id, key);
    }
}
