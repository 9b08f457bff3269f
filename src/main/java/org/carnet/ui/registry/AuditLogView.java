package org.carnet.ui.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.carnet.core.common.AppException;
import org.carnet.core.guard.Redactor;
import org.carnet.core.registry.AuditEntry;
import org.carnet.core.registry.AuditVerification;
import org.carnet.core.registry.Registry;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.MessageLine;
import org.carnet.uikit.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: newest entries first in a sortable table, a filter across every column, a check of the hash chain
 * and a CSV export without personal data. Reading, checking and writing run off the FX thread.
 */
public final class AuditLogView extends BorderPane {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogView.class);
    /** How many of the newest entries are loaded. */
    public static final int LIMIT = 10_000;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final I18n i18n;
    private final TaskRunner tasks;
    private final Registry registry;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> filtered = new FilteredList<>(entries, e -> true);
    private final SortedList<AuditEntry> sorted = new SortedList<>(filtered);
    private final TableView<AuditEntry> table = new TableView<>(sorted);
    private final TextField filter = new TextField();
    private final MessageLine verifyResult;
    private final MessageLine exportResult;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");

    public AuditLogView(I18n i18n, TaskRunner tasks, Registry registry) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.registry = registry;
        setId("auditView");
        getStyleClass().add("audit-view");

        filter.setId("auditFilter");
        filter.promptTextProperty().bind(i18n.text("auditui.filter.prompt"));
        filter.setPrefColumnCount(28);
        filter.textProperty().addListener((o, a, b) -> filtered.setPredicate(matcher(b)));
        Label count = new Label();
        count.setId("auditCount");
        count.getStyleClass().add("form-hint");
        count.textProperty().bind(Bindings.createStringBinding(() -> !loaded.get() ? i18n.get("auditui.loading")
                : entries.size() >= LIMIT ? i18n.get("auditui.countLimited", filtered.size(), LIMIT)
                : i18n.get("auditui.count", filtered.size(), entries.size()),
                filtered, entries, loaded, i18n.localeProperty()));
        Button refresh = Forms.button(i18n, "auditRefresh", "auditui.refresh", false);
        refresh.setOnAction(e -> load());
        Button verify = Forms.button(i18n, "auditVerify", "auditui.verify", false);
        verify.setOnAction(e -> verify());
        Button export = Forms.button(i18n, "auditExport", "auditui.export", false);
        export.setOnAction(e -> chooseAndExport());
        for (Button b : List.of(refresh, verify, export)) {
            b.disableProperty().bind(busy);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(10, filter, count, spacer, refresh, verify, export);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("audit-toolbar");

        table.setId("auditTable");
        table.getStyleClass().add("audit-table");
        sorted.comparatorProperty().bind(table.comparatorProperty());
        TableColumn<AuditEntry, Long> seq = new TableColumn<>();
        seq.textProperty().bind(i18n.text("auditui.col.seq"));
        seq.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().seq()));
        seq.setPrefWidth(64);
        seq.getStyleClass().add("numeric-column");
        table.getColumns().add(seq);
        table.getColumns().add(column("auditui.col.time", e -> e.at() == null ? "" : TIME.format(e.at()), 150));
        table.getColumns().add(column("auditui.col.channel", AuditEntry::channel, 80));
        table.getColumns().add(column("auditui.col.user", AuditEntry::osUser, 110));
        table.getColumns().add(column("auditui.col.action", AuditEntry::action, 170));
        table.getColumns().add(column("auditui.col.resource", AuditEntry::resource, 280));
        table.getColumns().add(column("auditui.col.reason", AuditEntry::reason, 260));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(!loaded.get() ? "auditui.loading"
                : entries.isEmpty() ? "auditui.empty" : "auditui.noMatch"), loaded, entries, i18n.localeProperty()));
        table.setPlaceholder(placeholder);

        verifyResult = new MessageLine(i18n);
        verifyResult.setId("auditVerifyResult");
        exportResult = new MessageLine(i18n);
        exportResult.setId("auditExportResult");
        VBox bottom = new VBox(6, verifyResult, exportResult,
                Forms.text(i18n, "auditui.exportNote", "form-hint"));
        bottom.getStyleClass().add("audit-footer");

        VBox top = new VBox(12, Forms.header(i18n, Icons.SHIELD, "auditui.title", "auditui.subtitle", null), toolbar);
        top.getStyleClass().add("audit-header");
        setTop(top);
        setCenter(table);
        setBottom(bottom);
        // Focus the table, not the filter, so the filter's hint stays readable.
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                javafx.application.Platform.runLater(table::requestFocus);
            }
        });
        load();
    }

    private TableColumn<AuditEntry, String> column(String key, Function<AuditEntry, String> value, double width) {
        TableColumn<AuditEntry, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.text(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Case-insensitive “contains” across every column shown, time as displayed (UTC). */
    static Predicate<AuditEntry> matcher(String text) {
        if (text == null || text.isBlank()) {
            return e -> true;
        }
        String[] words = text.toLowerCase(Locale.ROOT).strip().split("\\s+");
        return e -> {
            String all = String.join("\u0000", Long.toString(e.seq()), e.at() == null ? "" : TIME.format(e.at()),
                    nn(e.channel()), nn(e.osUser()), nn(e.action()), nn(e.resource()), nn(e.reason()))
                    .toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!all.contains(w)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    /** (Re)reads the newest entries. */
    public void load() {
        busy.set(true);
        tasks.run("audit-load", progress -> registry.auditEntries(LIMIT), list -> {
            busy.set(false);
            entries.setAll(list);
            loaded.set(true);
        }, error -> {
            busy.set(false);
            loaded.set(true);
            fail(verifyResult, error, "auditui.loadFailed");
        });
    }

    /** Checks the hash chain and says whether it is intact, or where it breaks. */
    public void verify() {
        busy.set(true);
        verifyResult.show(MessageLine.Kind.INFO, "auditui.verifying");
        tasks.run("audit-verify", progress -> registry.verifyAudit(), v -> {
            busy.set(false);
            show(v);
        }, error -> {
            busy.set(false);
            fail(verifyResult, error, "auditui.verifyFailed");
        });
    }

    private void show(AuditVerification v) {
        if (v.intact()) {
            verifyResult.show(MessageLine.Kind.SUCCESS, "auditui.verify.intact", v.entries());
            return;
        }
        String problem = v.problemKey() != null && i18n.has(v.problemKey()) ? v.problemKey()
                : "auditui.verify.problemGeneric";
        verifyResult.show(MessageLine.Kind.ERROR, "auditui.verify.broken", v.firstBrokenSeq(), i18n.text(problem));
        LOG.warn("Audit chain broken at entry {} ({})", v.firstBrokenSeq(), v.problemKey());
        sorted.stream().filter(e -> e.seq() == v.firstBrokenSeq()).findFirst().ifPresent(e -> {
            table.getSelectionModel().select(e);
            table.scrollTo(e);
        });
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("auditui.export.chooserTitle"));
        chooser.setInitialFileName("carnet-audit-" + LocalDate.now() + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("auditui.export.filter"), "*.csv"));
        java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            export(f.toPath());
        }
    }

    /** Writes the rows shown (filter and sort applied) to {@code out}, off the FX thread. */
    public void export(Path out) {
        List<AuditEntry> rows = List.copyOf(sorted);
        busy.set(true);
        exportResult.show(MessageLine.Kind.INFO, "auditui.export.working");
        tasks.run("audit-export", progress -> {
            try {
                AuditCsv.write(rows, out, Redactor.global());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows.size();
        }, n -> {
            busy.set(false);
            LOG.info("Audit log exported: {} entries", n);
            exportResult.show(MessageLine.Kind.SUCCESS, "auditui.export.done", n, out.toString());
        }, error -> {
            busy.set(false);
            LOG.warn("Audit export failed: {}", error.getClass().getSimpleName());
            exportResult.show(MessageLine.Kind.ERROR, "auditui.export.failed", out.toString());
        });
    }

    private void fail(MessageLine line, Throwable error, String fallbackKey) {
        if (error instanceof AppException ae) {
            line.show(MessageLine.Kind.ERROR, ae);
        } else {
            LOG.error("Audit log operation failed", error);
            line.show(MessageLine.Kind.ERROR, fallbackKey);
        }
    }

    public TableView<AuditEntry> table() {
        return table;
    }

    /** Is work running (load, check, export)? */
    public BooleanProperty busyProperty() {
        return busy;
    }
}
