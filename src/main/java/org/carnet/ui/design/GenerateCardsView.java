package org.carnet.ui.design;

import java.awt.Desktop;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.carnet.core.cards.GenerationJob;
import org.carnet.core.cards.OutputFormat;
import org.carnet.core.common.AppException;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.render.CardDesign;
import org.carnet.uikit.Controls;
import org.carnet.uikit.I18n;
import org.carnet.uikit.MessageLine;

/**
 * The "Generate cards" window: which enrollments (programme, enrollment dates, org unit, status), how (the current
 * design, 300 or 600 DPI, MPI id printed or not, CR80 PDF / A4 sheets / ZIP of PNGs, output file), how many cards
 * match; Start runs the job on the bulk-render executor with a progress bar, cards done of total, the time left and
 * the phase, Cancel; then the result with "Open folder". An interrupted job shows a banner with Resume and Discard.
 */
public final class GenerateCardsView extends VBox {
    private final I18n i18n;
    private final GenerationViewModel vm;
    private final ComboBox<ProgramInfo> program = new ComboBox<>();
    private final Label designLabel = new Label();
    private final MessageLine result;

    GenerateCardsView(I18n i18n, GenerationViewModel vm, ObservableList<ProgramInfo> programs) {
        this.i18n = i18n;
        this.vm = vm;
        this.result = new MessageLine(i18n);
        setId("generateCards");
        getStyleClass().addAll("generate-cards", "registry-page");
        setSpacing(12);
        setPadding(new Insets(20, 24, 18, 24));
        setPrefWidth(640);

        Label title = new Label();
        title.textProperty().bind(i18n.text("design.generate.title"));
        title.getStyleClass().add("dialog-title");
        Label subtitle = Controls.hint(i18n, "design.generate.subtitle");

        getChildren().addAll(new VBox(2, title, subtitle), pendingBanner(), form(), progressBox(), result,
                buttons());
        program.setItems(programs);
        result.setId("generateResult");
        // The progress, the result and the interrupted-job banner come and go: the window follows its content.
        javafx.beans.InvalidationListener refit = o -> javafx.application.Platform.runLater(() -> {
            if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
                getScene().getWindow().sizeToScene();
            }
        });
        vm.runningProperty().addListener(refit);
        vm.resultProperty().addListener(refit);
        vm.errorProperty().addListener(refit);
        vm.pendingProperty().addListener(refit);
        vm.resultProperty().addListener((o, a, r) -> showResult(r));
        vm.errorProperty().addListener((o, a, e) -> {
            if (e != null) {
                result.setGraphic(null);
                if (e instanceof AppException x) {
                    result.show(MessageLine.Kind.ERROR, x);
                } else {
                    result.show(MessageLine.Kind.ERROR, "registryui.error.unexpected");
                }
            }
        });
    }

    GenerationViewModel viewModel() {
        return vm;
    }

    /** Shows the window's form for a programme and the design being edited. */
    void open(ProgramInfo p, CardDesign design) {
        result.clear();
        program.setValue(p);
        vm.prepare(p == null ? null : p.uid(), design);
        designLabel.setText(i18n.get("design.generate.designValue", capitalise(design.template()),
                i18n.get("language." + design.language())));
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private VBox pendingBanner() {
        Label text = new Label();
        text.setId("generatePendingText");
        text.setWrapText(true);
        text.getStyleClass().add("callout-text");
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            GenerationJob.Pending p = vm.pendingProperty().get();
            return p == null ? "" : i18n.get("design.generate.pending", p.done(), p.total());
        }, vm.pendingProperty(), i18n.localeProperty()));
        Button resume = Controls.button(i18n, "generateResume", "design.generate.resume");
        resume.getStyleClass().add("accent");
        resume.setOnAction(e -> vm.resume());
        resume.disableProperty().bind(vm.runningProperty());
        Button discard = Controls.button(i18n, "generateDiscard", "design.generate.discard");
        discard.setOnAction(e -> vm.discardPending());
        discard.disableProperty().bind(vm.runningProperty());
        HBox actions = new HBox(8, resume, discard);
        VBox box = new VBox(8, text, actions);
        box.setId("generatePending");
        box.getStyleClass().addAll("callout", "callout-warning");
        box.visibleProperty().bind(vm.pendingProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private GridPane form() {
        program.setId("generateProgram");
        program.setMaxWidth(Double.MAX_VALUE);
        StringConverter<ProgramInfo> names = converter(p -> p == null ? "" : p.name());
        program.setConverter(names);
        program.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ProgramInfo p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
            }
        });
        program.valueProperty().addListener((o, a, b) -> vm.programUidProperty().set(b == null ? null : b.uid()));

        DatePicker from = new DatePicker();
        from.setId("generateFrom");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        from.setPrefWidth(150);
        from.promptTextProperty().bind(i18n.text("design.generate.from"));
        DatePicker to = new DatePicker();
        to.setId("generateTo");
        to.valueProperty().bindBidirectional(vm.toProperty());
        to.setPrefWidth(150);
        to.promptTextProperty().bind(i18n.text("design.generate.to"));
        Label dash = new Label("–");
        HBox dates = new HBox(8, from, dash, to);
        dates.setAlignment(Pos.CENTER_LEFT);

        TextField orgUnit = new TextField();
        orgUnit.setId("generateOrgUnit");
        orgUnit.setPrefColumnCount(12);
        orgUnit.textProperty().bindBidirectional(vm.orgUnitProperty());
        orgUnit.promptTextProperty().bind(i18n.text("design.generate.orgUnit.prompt"));
        orgUnit.setOnAction(e -> vm.count());
        orgUnit.focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                vm.count();
            }
        });

        ChoiceBox<String> status = new ChoiceBox<>(FXCollections.observableArrayList(GenerationViewModel.STATUSES));
        status.setId("generateStatus");
        status.setConverter(converter(s -> i18n.get(s == null ? "design.generate.status.any"
                : "design.generate.status." + s.toLowerCase(Locale.ROOT))));
        status.setValue(null);
        status.valueProperty().bindBidirectional(vm.statusProperty());

        designLabel.setId("generateDesign");
        designLabel.getStyleClass().add("kv-value");

        ChoiceBox<Integer> dpi = new ChoiceBox<>(FXCollections.observableArrayList(GenerationViewModel.DPIS));
        dpi.setId("generateDpi");
        dpi.setConverter(converter(d -> i18n.get("design.generate.dpi." + d)));
        dpi.setValue(vm.dpiProperty().get());
        dpi.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.dpiProperty().set(b);
            }
        });
        CheckBox mpi = new CheckBox();
        mpi.setId("generateIncludeMpiId");
        mpi.textProperty().bind(i18n.text("design.generate.includeMpiId"));
        mpi.selectedProperty().bindBidirectional(vm.includeMpiIdProperty());
        HBox dpiRow = new HBox(16, dpi, mpi);
        dpiRow.setAlignment(Pos.CENTER_LEFT);

        ChoiceBox<OutputFormat> format = new ChoiceBox<>(FXCollections.observableArrayList(OutputFormat.values()));
        format.setId("generateFormat");
        format.setConverter(converter(f -> i18n.get("design.format." + f.code())));
        format.valueProperty().bindBidirectional(vm.formatProperty());
        format.valueProperty().addListener((o, a, b) -> {
            Path out = vm.outProperty().get();
            if (b != null && out != null) {
                String name = out.getFileName().toString();
                int dot = name.lastIndexOf('.');
                vm.outProperty().set(out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + b.extension()));
            }
        });

        TextField out = new TextField();
        out.setId("generateOut");
        out.promptTextProperty().bind(i18n.text("design.generate.out.prompt"));
        // Typed or chosen: a path the system cannot parse counts as none (Start stays disabled).
        out.textProperty().bindBidirectional(vm.outProperty(), new StringConverter<Path>() {
            @Override
            public String toString(Path p) {
                return p == null ? "" : p.toString();
            }

            @Override
            public Path fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return Path.of(text.strip());
                } catch (java.nio.file.InvalidPathException e) {
                    return null;
                }
            }
        });
        HBox.setHgrow(out, Priority.ALWAYS);
        Button choose = Controls.button(i18n, "generateChooseOut", "design.choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> chooseOut());
        HBox outRow = new HBox(6, out, choose);
        outRow.setAlignment(Pos.CENTER_LEFT);

        Label count = new Label();
        count.setId("generateCount");
        count.getStyleClass().add("kv-value");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.countingProperty().get()) {
                return i18n.get("design.generate.counting");
            }
            int n = vm.countProperty().get();
            return n < 0 ? "—" : i18n.get("design.generate.countValue", n);
        }, vm.countProperty(), vm.countingProperty(), i18n.localeProperty()));

        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(c0, c1);
        int r = 0;
        g.addRow(r++, label("design.generate.program"), program);
        g.addRow(r++, label("design.generate.enrolled"), dates);
        g.addRow(r++, label("design.generate.orgUnit"), orgUnit);
        g.addRow(r++, label("design.generate.status"), status);
        g.addRow(r++, label("design.generate.design"), designLabel);
        g.addRow(r++, label("design.generate.resolution"), dpiRow);
        g.addRow(r++, label("design.generate.format"), format);
        g.addRow(r++, label("design.generate.out"), outRow);
        g.addRow(r, label("design.generate.count"), count);
        g.disableProperty().bind(vm.runningProperty());
        return g;
    }

    private Label label(String key) {
        Label l = Controls.formLabel(i18n, key);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void chooseOut() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("design.generate.out.title"));
        OutputFormat f = vm.formatProperty().get();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("design.format." + f.code()),
                "*" + f.extension()));
        ProgramInfo p = program.getValue();
        chooser.setInitialFileName("cards-" + (p == null ? "program" : CardDesignViewModel.slug(p.name()))
                + "-" + java.time.LocalDate.now() + f.extension());
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            Path path = file.toPath();
            if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(f.extension())) {
                path = path.resolveSibling(path.getFileName() + f.extension());
            }
            vm.outProperty().set(path);
        }
    }

    private VBox progressBox() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("generateProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label counts = new Label();
        counts.setId("generateProgressText");
        counts.textProperty().bind(Bindings.createStringBinding(() -> {
            String phase = vm.phaseProperty().get();
            String phaseText = phase == null ? i18n.get("design.generate.starting")
                    : i18n.has(phase) ? i18n.get(phase) : "";
            if (vm.totalProperty().get() <= 0) {
                return phaseText;
            }
            String c = i18n.get("design.generate.progress", vm.doneProperty().get(), vm.totalProperty().get());
            Duration left = vm.remainingProperty().get();
            String time = left == null ? "" : " · " + i18n.get("design.generate.left", left.toSeconds() < 90
                    ? i18n.get("design.generate.seconds", Math.max(1, left.toSeconds()))
                    : i18n.get("design.generate.minutes", Math.round(left.toSeconds() / 60.0)));
            return (phaseText.isEmpty() ? "" : phaseText + " · ") + c + time;
        }, vm.phaseProperty(), vm.doneProperty(), vm.totalProperty(), vm.remainingProperty(), i18n.localeProperty()));
        counts.getStyleClass().add("form-hint");
        VBox box = new VBox(6, bar, counts);
        box.setId("generateProgressBox");
        box.visibleProperty().bind(vm.runningProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private HBox buttons() {
        Button start = Controls.button(i18n, "generateStart", "design.generate.start");
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        start.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canStart() || vm.countProperty().get()
                == 0, vm.runningProperty(), vm.outProperty(), vm.programUidProperty(), vm.designProperty(),
                vm.countProperty()));
        start.setOnAction(e -> {
            result.clear();
            vm.start();
        });
        Button cancel = Controls.button(i18n, "generateCancel", "design.generate.cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button close = Controls.button(i18n, "generateClose", "design.generate.close");
        close.disableProperty().bind(vm.runningProperty());
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().hide();
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(8, grow, cancel, close, start);
        row.setAlignment(Pos.CENTER_RIGHT);
        row.getStyleClass().add("dialog-buttons");
        return row;
    }

    private void showResult(GenerationJob.Result r) {
        if (r == null) {
            return;
        }
        String key = switch (r.status()) {
            case COMPLETED -> r.resumed() ? "design.generate.result.resumed" : "design.generate.result.completed";
            case CANCELLED -> "design.generate.result.cancelled";
            case EMPTY -> "design.generate.result.empty";
        };
        String files = String.join(", ", r.files().stream().map(p -> String.valueOf(p.getFileName())).toList());
        result.show(r.status() == GenerationJob.Status.COMPLETED ? MessageLine.Kind.SUCCESS : MessageLine.Kind.WARNING,
                key, r.cards(), files);
        if (!r.files().isEmpty() && desktopCanOpen()) {
            Button open = Controls.button(i18n, "generateOpenFolder", "design.generate.openFolder");
            Path folder = r.files().get(0).toAbsolutePath().getParent();
            open.setOnAction(e -> {
                Thread t = new Thread(() -> {
                    try {
                        Desktop.getDesktop().open(folder.toFile());
                    } catch (Exception x) {
                        // the message already names the files
                    }
                }, "open-folder");
                t.setDaemon(true);
                t.start();
            });
            result.setGraphic(open);
            result.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            result.setGraphicTextGap(12);
        } else {
            result.setGraphic(null);
        }
    }

    private static boolean desktopCanOpen() {
        try {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
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
}
