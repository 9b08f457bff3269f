package org.carnet.ui.mapping;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.carnet.core.common.AppException;
import org.carnet.core.guard.AttributeGuard;
import org.carnet.core.mapping.CardField;
import org.carnet.core.mapping.CardValues;
import org.carnet.core.mapping.FieldMapping;
import org.carnet.core.mapping.MappingIssue;
import org.carnet.core.mapping.MappingSuggester;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.uikit.EmptyState;
import org.carnet.uikit.Controls;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;
import org.carnet.uikit.TaskRunner;

/**
 * The Mapping tab: pick a program; its attributes with the guard's badge; one row per card field with its source (an
 * attribute, by code or by name, or the enrollment itself), the suggestion to accept in one click, and three real
 * values transformed; the problems and the unmapped fields; save, export, import. Works offline from the cached
 * program metadata. Every control is reachable with the keyboard (Tab order follows the rows).
 */
public final class MappingView extends TabPage {
    private static final String NONE = "";
    private static final List<String> COUNTRIES = List.of("SN", "ML", "BF", "CI", "GN", "NE", "TG", "BJ", "MR", "GM",
            "GW", "CM", "TD", "CD", "CG", "GA", "MG", "HT", "FR");

    private final I18n i18n;
    private final MappingViewModel vm;
    private final Navigator navigator;
    private final GridPane fields = new GridPane();
    private final TableView<ProgramInfo.Attribute> attributes = new TableView<>();
    private final EmptyState empty;
    private final Node content;

    public MappingView(I18n i18n, Navigator navigator, TaskRunner tasks,
            javafx.beans.value.ObservableValue<Registry> registry) {
        super(i18n, TabId.MAPPING);
        this.i18n = i18n;
        this.navigator = navigator;
        this.vm = new MappingViewModel(tasks, registry);
        empty = showEmptyState();
        empty.addAction("mappingGoConnection", "action.goConnection", () -> navigator.show(TabId.CONNECTION), true);
        content = build();
        vm.programs().addListener((ListChangeListener<ProgramInfo>) c -> setContent(vm.programs().isEmpty() ? empty
                : content));
        vm.rows().addListener((ListChangeListener<MappingViewModel.Row>) c -> buildRows());
        vm.programProperty().addListener((o, a, p) -> attributes.getItems().setAll(p == null ? List.of()
                : p.attributes()));
        i18n.localeProperty().addListener((o, a, b) -> {
            buildRows();
            attributes.refresh();
        });
        vm.load();
    }

    public MappingViewModel viewModel() {
        return vm;
    }

    /** Reloads the programs when the tab is shown (a connection may have been saved meanwhile). */
    @Override
    public void onShown() {
        vm.load();
    }

    private Node build() {
        ComboBox<ProgramInfo> program = new ComboBox<>(vm.programs());
        program.setId("mappingProgram");
        program.setPrefWidth(340);
        program.setMinWidth(200);
        program.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProgramInfo p) {
                return p == null ? "" : p.name() + "  (" + p.uid() + ")";
            }

            @Override
            public ProgramInfo fromString(String s) {
                return null;
            }
        });
        program.valueProperty().bindBidirectional(vm.programProperty());
        program.setOnAction(e -> {
            if (program.getValue() != null && program.getValue() != vm.programProperty().get()) {
                vm.select(program.getValue());
            }
        });
        vm.programProperty().addListener((o, a, b) -> program.setValue(b));
        program.valueProperty().addListener((o, a, b) -> {
            if (b != null && (a == null || !a.uid().equals(b.uid()))) {
                vm.select(b);
            }
        });

        Button acceptAll = button("mappingAcceptAll", "mapping.acceptAll");
        acceptAll.setOnAction(e -> vm.acceptAll());
        Button save = button("mappingSave", "mapping.save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(vm::blocked, vm.issues()))
                .or(vm.programProperty().isNull()));
        save.setOnAction(e -> vm.save());
        Button export = button("mappingExport", "mapping.export");
        export.disableProperty().bind(vm.programProperty().isNull());
        export.setOnAction(e -> chooseExport());
        Button importButton = button("mappingImport", "mapping.import");
        importButton.disableProperty().bind(vm.programProperty().isNull());
        importButton.setOnAction(e -> chooseImport());
        Label version = new Label();
        version.setId("mappingVersion");
        version.getStyleClass().add("form-hint");
        version.textProperty().bind(Bindings.createStringBinding(() -> vm.savedVersionProperty().get() == 0
                ? i18n.get("mapping.version.none") : i18n.get("mapping.version", vm.savedVersionProperty().get())
                + (vm.dirtyProperty().get() ? " · " + i18n.get("mapping.unsaved") : ""),
                vm.savedVersionProperty(), vm.dirtyProperty(), i18n.localeProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, label("mapping.program"), program, version, grow, importButton, export, save);
        top.setAlignment(Pos.CENTER_LEFT);
        version.setMinWidth(Region.USE_PREF_SIZE);
        for (Button b : List.of(importButton, export, save)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        Label notice = new Label();
        notice.setId("mappingNotice");
        notice.getStyleClass().add("form-hint");
        notice.setWrapText(true);
        notice.textProperty().bind(Bindings.createStringBinding(() -> {
            Throwable err = vm.errorProperty().get();
            if (err != null) {
                return err instanceof AppException a ? i18n.describe(a) : i18n.get("registryui.error.unexpected");
            }
            String key = vm.noticeProperty().get();
            return key == null ? "" : i18n.get(key);
        }, vm.errorProperty(), vm.noticeProperty(), i18n.localeProperty()));

        VBox left = new VBox(6, section("mapping.attributes"), attributesTable());
        VBox.setVgrow(attributes, Priority.ALWAYS);
        left.getStyleClass().add("panel-card");

        fields.setId("mappingFields");
        fields.setHgap(10);
        fields.setVgap(6);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints(170, 220, 260);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c3 = new ColumnConstraints();
        c3.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c4 = new ColumnConstraints(120, 300, Double.MAX_VALUE);
        c4.setHgrow(Priority.ALWAYS);
        fields.getColumnConstraints().addAll(c0, c1, c2, c3, c4);
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        TextField customKey = new TextField();
        customKey.setId("mappingCustomKey");
        customKey.setPromptText("blood_group");
        customKey.setPrefColumnCount(16);
        Button addCustom = button("mappingAddCustom", "mapping.addCustom");
        addCustom.setOnAction(e -> {
            if (vm.addCustomField(customKey.getText())) {
                customKey.clear();
            } else {
                customKey.requestFocus();
            }
        });
        customKey.setOnAction(e -> addCustom.fire());
        Label sample = new Label();
        sample.setId("mappingSampleSource");
        sample.getStyleClass().add("form-hint");
        sample.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("mapping.samples."
                + vm.sampleSourceProperty().get().name().toLowerCase(java.util.Locale.ROOT)),
                vm.sampleSourceProperty(), i18n.localeProperty()));
        ComboBox<String> country = new ComboBox<>(FXCollections.observableArrayList(COUNTRIES));
        country.setId("mappingPhoneCountry");
        country.valueProperty().bindBidirectional(vm.phoneCountryProperty());
        country.valueProperty().addListener((o, a, b) -> vm.setPhoneCountry(b));
        country.setMinWidth(Region.USE_PREF_SIZE);
        country.setPrefWidth(80);
        sample.setMinWidth(0);
        HBox.setHgrow(sample, Priority.SOMETIMES);
        addCustom.setMinWidth(Region.USE_PREF_SIZE);
        Region grow2 = new Region();
        HBox.setHgrow(grow2, Priority.ALWAYS);
        Label customLabel = label("mapping.customField");
        customLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label countryLabel = label("mapping.phoneCountry");
        countryLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(8, customLabel, customKey, addCustom, grow2, countryLabel, country);
        sample.setWrapText(true);
        bottom.setAlignment(Pos.CENTER_LEFT);

        Region grow3 = new Region();
        HBox.setHgrow(grow3, Priority.ALWAYS);
        acceptAll.setMinWidth(Region.USE_PREF_SIZE);
        HBox fieldsHead = new HBox(8, section("mapping.fields"), grow3, acceptAll);
        fieldsHead.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(6, fieldsHead, hint("mapping.fields.hint"), sample, scroll, bottom);
        right.getStyleClass().add("panel-card");

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.27);
        VBox.setVgrow(split, Priority.ALWAYS);

        ListView<MappingIssue> issues = new ListView<>(vm.issues());
        issues.setId("mappingIssues");
        issues.setPrefHeight(96);
        issues.setPlaceholder(hint("mapping.issues.none"));
        issues.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(MappingIssue issue, boolean isEmpty) {
                super.updateItem(issue, isEmpty);
                if (isEmpty || issue == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(i18n.get(issue.messageKey(), issue.args()));
                setGraphic(Icons.of(Icons.WARNING));
                getStyleClass().removeAll("issue-blocking", "issue-warning");
                getStyleClass().add(issue.blocking() ? "issue-blocking" : "issue-warning");
            }
        });
        VBox page = new VBox(10, top, notice, split, issues);
        page.setPadding(new javafx.geometry.Insets(4, 28, 16, 28));
        return page;
    }

    private TableView<ProgramInfo.Attribute> attributesTable() {
        attributes.setId("mappingAttributes");
        attributes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        attributes.getColumns().add(column("connection.attributes.code", 105, a -> a.code() == null ? "—" : a.code()));
        attributes.getColumns().add(column("connection.attributes.name", 140, ProgramInfo.Attribute::displayName));
        attributes.getColumns().add(column("connection.attributes.type", 70, ProgramInfo.Attribute::valueType));
        TableColumn<ProgramInfo.Attribute, ProgramInfo.Attribute> guard = new TableColumn<>();
        guard.setId("mappingGuardColumn");
        guard.textProperty().bind(i18n.text("guard.column.guard"));
        guard.setPrefWidth(120);
        guard.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cd.getValue()));
        guard.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ProgramInfo.Attribute a, boolean isEmpty) {
                super.updateItem(a, isEmpty);
                getStyleClass().remove("guard-sensitive");
                if (isEmpty || a == null || a.guard() == null || !a.guard().sensitive()) {
                    setText(isEmpty ? null : "—");
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                AttributeGuard g = a.guard();
                setText(i18n.get("guard.category." + g.category().name()));
                setGraphic(Icons.of(Icons.LOCK));
                getStyleClass().add("guard-sensitive");
                setTooltip(new Tooltip(g.reason()));
            }
        });
        attributes.getColumns().add(guard);
        attributes.setPlaceholder(hint("mapping.attributes.none"));
        return attributes;
    }

    /** One row per card field: name, source, by code/name, suggestion, preview. */
    private void buildRows() {
        fields.getChildren().clear();
        int r = 0;
        fields.addRow(r++, header("mapping.col.field"), header("mapping.col.source"), header("mapping.col.by"),
                header("mapping.col.suggestion"), header("mapping.col.preview"));
        ProgramInfo p = vm.programProperty().get();
        if (p == null) {
            return;
        }
        for (MappingViewModel.Row row : vm.rows()) {
            fields.addRow(r++, fieldLabel(row), sourceBox(p, row), byToggle(row), suggestion(row), preview(row));
        }
    }

    private Node fieldLabel(MappingViewModel.Row row) {
        String text = row.cardField().map(f -> i18n.get("mapping.field." + f.key())).orElse(row.field());
        Label l = new Label(row.cardField().map(CardField::required).orElse(false) ? text + " *" : text);
        l.setId("mappingField-" + row.field());
        l.getStyleClass().add("form-label");
        if (row.cardField().isEmpty()) {
            Button remove = new Button("×");
            remove.setId("mappingRemove-" + row.field());
            remove.setTooltip(new Tooltip(i18n.get("mapping.removeCustom")));
            remove.setOnAction(e -> vm.removeCustomField(row));
            HBox box = new HBox(4, l, remove);
            box.setAlignment(Pos.CENTER_LEFT);
            return box;
        }
        return l;
    }

    /** The source: none, an attribute of the program, or (for dates and org units) the enrollment itself. */
    private Node sourceBox(ProgramInfo p, MappingViewModel.Row row) {
        ComboBox<Object> box = new ComboBox<>();
        box.setId("mappingSource-" + row.field());
        box.setMaxWidth(Double.MAX_VALUE);
        box.getItems().add(NONE);
        CardField.Kind kind = CardField.kindOf(row.field());
        if (kind == CardField.Kind.DATE) {
            box.getItems().addAll(FieldMapping.EnrollmentProperty.ENROLLED_AT,
                    FieldMapping.EnrollmentProperty.OCCURRED_AT);
        }
        if (kind == CardField.Kind.ORG_UNIT || kind == CardField.Kind.ZONE) {
            box.getItems().add(FieldMapping.EnrollmentProperty.ORG_UNIT);
        }
        box.getItems().addAll(p.attributes());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object o) {
                if (o instanceof ProgramInfo.Attribute a) {
                    return (a.sensitive() ? "🔒 " : "") + (a.displayName() == null ? a.uid() : a.displayName())
                            + (a.code() == null ? "" : "  [" + a.code() + "]");
                }
                if (o instanceof FieldMapping.EnrollmentProperty e) {
                    return i18n.get("mapping.enrollment." + e.key());
                }
                return i18n.get("mapping.source.none");
            }

            @Override
            public Object fromString(String s) {
                return null;
            }
        });
        Runnable sync = () -> {
            FieldMapping m = row.mappingProperty().get();
            if (m == null) {
                box.setValue(NONE);
            } else if (m.by() == FieldMapping.By.ENROLLMENT) {
                box.setValue(FieldMapping.EnrollmentProperty.byKey(m.source()).orElse(null));
            } else {
                box.setValue(vm.attributeOf(row).orElse(null));
            }
        };
        sync.run();
        box.setOnAction(e -> {
            Object v = box.getValue();
            FieldMapping current = row.mappingProperty().get();
            if (v instanceof ProgramInfo.Attribute a) {
                if (vm.attributeOf(row).map(x -> x.uid().equals(a.uid())).orElse(false)) {
                    return;
                }
                vm.map(row, a, current != null && current.by() == FieldMapping.By.NAME);
            } else if (v instanceof FieldMapping.EnrollmentProperty ep) {
                vm.mapToEnrollment(row, ep);
            } else if (current != null) {
                vm.map(row, null, false);
            }
        });
        row.mappingProperty().addListener((o, a, b) -> sync.run());
        return box;
    }

    private Node byToggle(MappingViewModel.Row row) {
        ToggleButton byName = new ToggleButton();
        byName.setId("mappingByName-" + row.field());
        Runnable sync = () -> {
            FieldMapping m = row.mappingProperty().get();
            byName.setDisable(m == null || m.by() == FieldMapping.By.ENROLLMENT);
            byName.setSelected(m != null && m.by() == FieldMapping.By.NAME);
            byName.setText(i18n.get(byName.isSelected() ? "mapping.by.name" : "mapping.by.code"));
        };
        sync.run();
        byName.setTooltip(new Tooltip(i18n.get("mapping.by.tooltip")));
        byName.setOnAction(e -> vm.attributeOf(row).ifPresent(a -> vm.map(row, a, byName.isSelected())));
        row.mappingProperty().addListener((o, a, b) -> sync.run());
        return byName;
    }

    private Node suggestion(MappingViewModel.Row row) {
        MappingSuggester.Suggestion s = row.suggestionProperty().get();
        if (s == null) {
            Label none = new Label("—");
            none.getStyleClass().add("form-hint");
            return none;
        }
        String what = s.mapping().by() == FieldMapping.By.ENROLLMENT
                ? i18n.get("mapping.enrollment." + s.mapping().source()) : s.mapping().source();
        Label text = new Label();
        text.setId("mappingSuggestion-" + row.field());
        text.setTooltip(new Tooltip(i18n.get("mapping.suggestion", what, Math.round(s.confidence() * 100)) + "\n"
                + s.reason()));
        text.getStyleClass().add("form-hint");
        text.setMinWidth(Region.USE_PREF_SIZE);
        Button accept = new Button();
        accept.setId("mappingAccept-" + row.field());
        accept.textProperty().bind(i18n.text("mapping.accept"));
        accept.setMinWidth(Region.USE_PREF_SIZE);
        Runnable sync = () -> {
            boolean taken = s.mapping().equals(row.mappingProperty().get());
            accept.setVisible(!taken);
            accept.setManaged(!taken);
            text.setText((taken ? "✓ " : "") + Math.round(s.confidence() * 100) + " %");
        };
        sync.run();
        row.mappingProperty().addListener((o, a, b) -> sync.run());
        accept.setTooltip(new Tooltip(i18n.get("mapping.suggestion", what, Math.round(s.confidence() * 100))));
        accept.setOnAction(e -> vm.accept(row));
        HBox box = new HBox(6, accept, text);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node preview(MappingViewModel.Row row) {
        Label l = new Label();
        l.setId("mappingPreview-" + row.field());
        l.setWrapText(true);
        Runnable sync = () -> {
            List<CardValues.Value> values = row.previewProperty().get();
            l.setText(values.isEmpty() ? "" : values.stream().map(this::shown).collect(Collectors.joining("  ·  ")));
            String notes = values.stream().filter(v -> v.noteKey() != null).map(v -> i18n.get(v.noteKey(),
                    v.noteArgs().toArray())).distinct().collect(Collectors.joining("\n"));
            l.setTooltip(notes.isEmpty() ? null : new Tooltip(notes));
            l.getStyleClass().removeAll("preview-warning");
            if (values.stream().anyMatch(v -> v.status() == CardValues.Status.WARNING
                    || v.status() == CardValues.Status.BLOCKED)) {
                l.getStyleClass().add("preview-warning");
            }
        };
        sync.run();
        row.previewProperty().addListener((o, a, b) -> sync.run());
        return l;
    }

    private String shown(CardValues.Value v) {
        return switch (v.status()) {
            case OK -> v.text();
            case APPROXIMATE -> v.text() + " ≈";
            case MISSING -> "∅";
            case BLOCKED -> "🔒";
            case WARNING -> "⚠" + (v.text() == null ? "" : " " + v.text());
        };
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("mapping.export"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        ProgramInfo p = vm.programProperty().get();
        chooser.setInitialFileName("mapping-" + (p == null ? "program" : p.uid()) + ".json");
        java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            vm.exportTo(f.toPath());
        }
    }

    private void chooseImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("mapping.import"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        java.io.File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            vm.importFrom(Path.of(f.getPath()));
        }
    }

    private <S> TableColumn<S, String> column(String key, double width, java.util.function.Function<S, String> value) {
        return Controls.textColumn(i18n, key, width, value);
    }

    private Label header(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("kv-key");
        return l;
    }

    private Label section(String key) {
        return Controls.section(i18n, key);
    }

    private Label label(String key) {
        return Controls.formLabel(i18n, key);
    }

    private Label hint(String key) {
        return Controls.hint(i18n, key);
    }

    private Button button(String id, String key) {
        return Controls.button(i18n, id, key);
    }
}
