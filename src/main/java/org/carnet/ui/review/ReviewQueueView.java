package org.carnet.ui.review;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.carnet.core.common.AppException;
import org.carnet.core.model.Demographics;
import org.carnet.core.mpi.ReviewService;
import org.carnet.core.normalize.Text;
import org.carnet.core.registry.ExternalIdLink;
import org.carnet.core.registry.IdentityEvent;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.uikit.EmptyState;
import org.carnet.uikit.Controls;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;
import org.carnet.uikit.TaskRunner;

/**
 * The Review Queue tab. "Queue": the probable duplicates, oldest first, filtered by status, probability band,
 * program and district; the selected pair side by side with each field's agreement and weight and the differences
 * highlighted; decisions with a reason and the keyboard (Alt+1 / Alt+2 same person keeping the left / right MPI id,
 * Alt+S two people, Alt+D later, Alt+↓ / Alt+↑ next / previous), and "Defer all shown". "Find a person": search by
 * name, MPI id, TEI uid or phone; the identity's records (each can be split off into its own identity) and history
 * (each link can be undone); correction of its fields.
 */
public final class ReviewQueueView extends TabPage {
    private static final List<String> FIELDS = List.of("FIRST_NAME", "LAST_NAME", "BIRTH_DATE", "SEX", "COMMUNE");

    private final I18n i18n;
    private final ReviewViewModel vm;
    private final GridPane compare = new GridPane();
    private final VBox detail = new VBox(8);

    public ReviewQueueView(I18n i18n, Navigator navigator, TaskRunner tasks,
            javafx.beans.value.ObservableValue<Registry> registry) {
        super(i18n, TabId.REVIEW);
        this.i18n = i18n;
        this.vm = new ReviewViewModel(tasks, registry);
        EmptyState empty = showEmptyState();
        empty.addAction("reviewGoSync", "action.goSync", () -> navigator.show(TabId.SYNC), true);
        Node content = build();
        Runnable show = () -> {
            Map<String, Long> c = vm.countsProperty().get();
            boolean any = c.values().stream().mapToLong(Long::longValue).sum() > 0;
            setContent(any ? content : empty);
        };
        vm.countsProperty().addListener((o, a, b) -> show.run());
        vm.selectedProperty().addListener((o, a, b) -> fillCompare(b));
        vm.detailProperty().addListener((o, a, b) -> fillDetail(b));
        i18n.localeProperty().addListener((o, a, b) -> {
            fillCompare(vm.selectedProperty().get());
            fillDetail(vm.detailProperty().get());
        });
        vm.load();
    }

    public ReviewViewModel viewModel() {
        return vm;
    }

    @Override
    public void onShown() {
        vm.load();
    }

    private Node build() {
        TabPane tabs = new TabPane(new Tab(null, queuePane()), new Tab(null, searchPane()));
        tabs.setId("reviewTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().get(0).textProperty().bind(i18n.text("review.tab.queue"));
        tabs.getTabs().get(1).textProperty().bind(i18n.text("review.tab.search"));
        Label message = new Label();
        message.setId("reviewMessage");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            Throwable t = vm.errorProperty().get();
            if (t != null) {
                return t instanceof AppException a ? i18n.describe(a) : i18n.get("registryui.error.unexpected");
            }
            return vm.noticeProperty().get() == null ? "" : i18n.get(vm.noticeProperty().get());
        }, vm.errorProperty(), vm.noticeProperty(), i18n.localeProperty()));
        message.getStyleClass().add("form-hint");
        vm.errorProperty().addListener((o, a, b) -> message.getStyleClass().setAll(b == null ? "form-hint"
                : "form-warning"));
        TextArea reason = new TextArea();
        reason.setId("reviewReason");
        reason.setPrefRowCount(2);
        reason.setWrapText(true);
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        reason.promptTextProperty().bind(i18n.text("review.reason.prompt"));
        VBox page = new VBox(8, tabs, label("review.reason"), reason, message);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        page.setPadding(new Insets(4, 28, 16, 28));
        page.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (!e.isAltDown() || tabs.getSelectionModel().getSelectedIndex() != 0) {
                return;
            }
            KeyCode k = e.getCode();
            if (k == KeyCode.DIGIT1 || k == KeyCode.NUMPAD1) {
                vm.link(true);
            } else if (k == KeyCode.DIGIT2 || k == KeyCode.NUMPAD2) {
                vm.link(false);
            } else if (k == KeyCode.S) {
                vm.separate();
            } else if (k == KeyCode.D) {
                vm.defer();
            } else if (k == KeyCode.DOWN) {
                vm.move(1);
            } else if (k == KeyCode.UP) {
                vm.move(-1);
            } else {
                return;
            }
            e.consume();
        });
        return page;
    }

    private Node queuePane() {
        ChoiceBox<String> status = new ChoiceBox<>(FXCollections.observableArrayList("open", "pending", "deferred",
                "linked", "separated"));
        status.setId("reviewStatus");
        status.setConverter(converter(s -> i18n.get("review.status." + s)));
        status.setValue("pending");
        status.valueProperty().addListener((o, a, b) -> {
            vm.statusProperty().set("open".equals(b) ? null : b);
            vm.load();
        });
        ChoiceBox<ReviewViewModel.Band> band = new ChoiceBox<>(FXCollections.observableArrayList(
                ReviewViewModel.Band.values()));
        band.setId("reviewBand");
        band.setConverter(converter(b -> i18n.get("review.band." + b.name())));
        band.setValue(ReviewViewModel.Band.ALL);
        band.valueProperty().addListener((o, a, b) -> {
            vm.bandProperty().set(b);
            vm.load();
        });
        ComboBox<ProgramInfo> program = new ComboBox<>();
        program.setId("reviewProgram");
        program.setPromptText(i18n.get("review.program.all"));
        program.setConverter(converter(p -> p == null ? i18n.get("review.program.all") : p.name()));
        vm.programs().addListener((ListChangeListener<ProgramInfo>) c -> {
            java.util.List<ProgramInfo> all = new java.util.ArrayList<>();
            all.add(null);
            all.addAll(vm.programs());
            program.getItems().setAll(all);
        });
        program.valueProperty().addListener((o, a, b) -> {
            vm.programProperty().set(b);
            vm.load();
        });
        TextField district = new TextField();
        district.setId("reviewDistrict");
        district.setPrefColumnCount(12);
        district.promptTextProperty().bind(i18n.text("review.district"));
        district.setOnAction(e -> {
            vm.districtProperty().set(district.getText());
            vm.load();
        });
        Label counts = new Label();
        counts.setId("reviewCounts");
        counts.textProperty().bind(Bindings.createStringBinding(() -> {
            Map<String, Long> c = vm.countsProperty().get();
            return i18n.get("review.counts", c.getOrDefault("pending", 0L), c.getOrDefault("deferred", 0L),
                    c.getOrDefault("linked", 0L), c.getOrDefault("separated", 0L), vm.items().size());
        }, vm.countsProperty(), vm.items(), i18n.localeProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox filters = new HBox(8, status, band, program, district, grow, counts);
        filters.setAlignment(Pos.CENTER_LEFT);

        ListView<ReviewService.Item> list = new ListView<>(vm.items());
        list.setId("reviewItems");
        list.setPlaceholder(hint("review.items.none"));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ReviewService.Item item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, "%.3f  ", item.score())
                        + name(item.a().identity()) + "  ~  " + name(item.b().identity()));
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
                list.scrollTo(b);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });

        compare.setId("reviewCompare");
        compare.setHgap(14);
        compare.setVgap(6);
        Button keepLeft = button("reviewLinkLeft", "review.link.left");
        keepLeft.setOnAction(e -> vm.link(true));
        Button keepRight = button("reviewLinkRight", "review.link.right");
        keepRight.setOnAction(e -> vm.link(false));
        Button separate = button("reviewSeparate", "review.separate");
        separate.setOnAction(e -> vm.separate());
        Button defer = button("reviewDefer", "review.defer");
        defer.setOnAction(e -> vm.defer());
        Button deferAll = button("reviewDeferAll", "review.deferAll");
        deferAll.setOnAction(e -> vm.deferAll());
        for (Button b : List.of(keepLeft, keepRight, separate, defer)) {
            b.disableProperty().bind(vm.selectedProperty().isNull());
        }
        for (Button b : List.of(keepLeft, keepRight, separate, defer, deferAll)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        deferAll.disableProperty().bind(Bindings.isEmpty(vm.items()));
        keepLeft.getStyleClass().add("accent");
        HBox actions = new HBox(8, keepLeft, keepRight, separate, defer, deferAll);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label keys = hint("review.keys");
        ScrollPane scroll = new ScrollPane(compare);
        scroll.setFitToWidth(true);
        VBox right = new VBox(10, scroll, actions, keys);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 0, 12));
        SplitPane split = new SplitPane(list, right);
        split.setDividerPositions(0.32);
        VBox pane = new VBox(10, filters, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        pane.setPadding(new Insets(10, 0, 0, 0));
        return pane;
    }

    private void fillCompare(ReviewService.Item item) {
        compare.getChildren().clear();
        if (item == null) {
            compare.add(hint("review.items.pick"), 0, 0);
            return;
        }
        IdentityRecord a = item.a().identity();
        IdentityRecord b = item.b().identity();
        int r = 0;
        Label title = new Label(i18n.get("review.pair", String.format(i18n.locale(), "%.1f", item.score() * 100),
                i18n.get("review.kind." + item.kind())));
        title.getStyleClass().add("section-title");
        compare.add(title, 0, r++, 5, 1);
        compare.addRow(r++, header(""), header("review.col.left"), header("review.col.right"),
                header("review.col.agreement"), header("review.col.weight"));
        Map<String, ReviewService.Comparison> byField = new java.util.HashMap<>();
        item.fields().forEach(f -> byField.put(f.field(), f));
        Demographics da = a.demographics();
        Demographics db = b.demographics();
        List<String[]> rows = List.of(
                new String[] {"FIRST_NAME", da.firstName(), db.firstName()},
                new String[] {"LAST_NAME", da.lastName(), db.lastName()},
                new String[] {"BIRTH_DATE", da.dateOfBirth(), db.dateOfBirth()},
                new String[] {"SEX", da.sex(), db.sex()},
                new String[] {"COMMUNE", da.commune(), db.commune()},
                new String[] {"DISTRICT", da.district(), db.district()});
        for (String[] row : rows) {
            ReviewService.Comparison c = byField.get(row[0]);
            Label left = value(row[1]);
            Label right = value(row[2]);
            if (!same(row[1], row[2])) {
                left.getStyleClass().add("review-diff");
                right.getStyleClass().add("review-diff");
            }
            Label level = new Label(c == null ? "—" : i18n.get("review.level." + c.level()));
            Label weight = new Label(c == null ? "" : String.format(Locale.ROOT, "%+.1f", c.weight()));
            if (c != null) {
                weight.getStyleClass().add(c.agrees() ? "review-agree" : "review-disagree");
            }
            compare.addRow(r++, header("review.field." + row[0]), left, right, level, weight);
        }
        compare.addRow(r++, header("review.field.MPI_ID"), value(a.mpiId()), value(b.mpiId()), new Label(),
                new Label());
        compare.addRow(r++, header("review.field.RECORDS"), value(records(item.a().links())),
                value(records(item.b().links())), new Label(), new Label());
        if (item.swapped()) {
            compare.add(hint("review.swapped"), 0, r, 5, 1);
        }
    }

    private Node searchPane() {
        TextField query = new TextField();
        query.setId("personQuery");
        query.promptTextProperty().bind(i18n.text("review.search.prompt"));
        query.textProperty().bindBidirectional(vm.queryProperty());
        query.setOnAction(e -> vm.search());
        HBox.setHgrow(query, Priority.ALWAYS);
        Button find = button("personFind", "review.search.find");
        find.setOnAction(e -> vm.search());
        HBox bar = new HBox(8, query, find);
        ListView<IdentityRecord> results = new ListView<>(vm.found());
        results.setId("personResults");
        results.setPlaceholder(hint("review.search.hint"));
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(IdentityRecord i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : name(i) + "  ·  " + nz(i.demographics().dateOfBirth()) + "  ·  "
                        + i.mpiId());
            }
        });
        results.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.open(b));
        detail.setId("personDetail");
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(results, scroll);
        split.setDividerPositions(0.35);
        VBox pane = new VBox(10, bar, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        pane.setPadding(new Insets(10, 0, 0, 0));
        fillDetail(null);
        return pane;
    }

    private void fillDetail(ReviewViewModel.Detail d) {
        detail.getChildren().clear();
        detail.setPadding(new Insets(0, 0, 0, 12));
        if (d == null) {
            detail.getChildren().add(hint("review.search.pick"));
            return;
        }
        IdentityRecord i = d.identity();
        Label title = new Label(name(i) + "  ·  " + i.mpiId());
        title.getStyleClass().add("section-title");
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(6);
        Demographics dm = i.demographics();
        List<TextField> edits = new java.util.ArrayList<>();
        String[][] rows = {{"FIRST_NAME", dm.firstName()}, {"LAST_NAME", dm.lastName()},
                {"BIRTH_DATE", dm.dateOfBirth()}, {"SEX", dm.sex()}, {"PHONE", dm.phone()},
                {"COMMUNE", dm.commune()}, {"DISTRICT", dm.district()}};
        int r = 0;
        for (String[] row : rows) {
            TextField f = new TextField(row[1] == null ? "" : row[1]);
            f.setId("personField-" + row[0].toLowerCase(Locale.ROOT));
            edits.add(f);
            fields.addRow(r++, header("review.field." + row[0]), f);
        }
        Button correct = button("personCorrect", "review.correct");
        correct.setOnAction(e -> vm.correct(new Demographics(text(edits.get(0)), text(edits.get(1)),
                text(edits.get(2)), text(edits.get(3)), text(edits.get(4)), text(edits.get(6)), dm.region(),
                text(edits.get(5)))));
        detail.getChildren().addAll(title, hint("review.status.identity." + i.status()), fields, correct,
                section("review.records"));
        for (ExternalIdLink l : d.records()) {
            Button split = new Button();
            split.textProperty().bind(i18n.text("review.split"));
            split.setId("personSplit-" + l.teiUid());
            split.setOnAction(e -> vm.split(l));
            split.setDisable(d.records().size() < 2);
            String programName = vm.programs().stream().filter(p -> p.uid().equals(l.programUid()))
                    .map(ProgramInfo::name).findFirst().orElse(l.programUid());
            HBox row = new HBox(8, new Label(i18n.get("review.record", programName, l.teiUid())), split);
            row.setAlignment(Pos.CENTER_LEFT);
            detail.getChildren().add(row);
        }
        detail.getChildren().add(section("review.history"));
        if (d.history().isEmpty()) {
            detail.getChildren().add(hint("review.history.none"));
        }
        for (IdentityEvent ev : d.history()) {
            Label text = new Label(i18n.get("review.event." + ev.kind(), ev.otherMpiId() == null ? "" : ev.otherMpiId(),
                    ev.reason()) + (ev.undone() ? " · " + i18n.get("review.event.undone") : ""));
            text.setWrapText(true);
            HBox row = new HBox(8, new Label(ev.at().toString().substring(0, 16).replace('T', ' ')), text);
            if (ev.mergeId() != null && !ev.undone()) {
                Button undo = new Button();
                undo.setId("personUndo-" + ev.mergeId());
                undo.textProperty().bind(i18n.text("review.undo"));
                undo.setOnAction(e -> vm.undo(ev.mergeId()));
                row.getChildren().add(undo);
            }
            row.setAlignment(Pos.CENTER_LEFT);
            detail.getChildren().add(row);
        }
    }

    private static String text(TextField f) {
        String s = f.getText().strip();
        return s.isEmpty() ? null : s;
    }

    private String records(List<ExternalIdLink> links) {
        return i18n.get("review.recordCount", links.size(), links.stream().map(ExternalIdLink::programUid).distinct()
                .count());
    }

    private static boolean same(String a, String b) {
        return Objects.equals(Text.fold(a), Text.fold(b));
    }

    private static String name(IdentityRecord i) {
        Demographics d = i.demographics();
        return (nz(d.firstName()) + " " + nz(d.lastName())).strip();
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }

    private static Label value(String s) {
        Label l = new Label(s == null || s.isBlank() ? "—" : s);
        l.getStyleClass().add("review-value");
        return l;
    }

    private <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private Label header(String key) {
        Label l = new Label(key.isEmpty() ? "" : i18n.get(key));
        l.getStyleClass().add("kv-key");
        return l;
    }

    private Label section(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("form-label");
        return l;
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
