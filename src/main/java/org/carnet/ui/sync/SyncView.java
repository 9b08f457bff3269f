package org.carnet.ui.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.carnet.core.common.AppException;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.core.sync.SyncEngine;
import org.carnet.core.sync.SyncRun;
import org.carnet.uikit.EmptyState;
import org.carnet.uikit.Controls;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;
import org.carnet.uikit.TaskRunner;
import org.controlsfx.control.CheckListView;
import org.controlsfx.control.Notifications;

/**
 * The Sync tab: Sync now with a progress bar, the time left and Cancel; the programs synced; the schedule (every 10,
 * 15, 30, 60 or 180 minutes, next run shown) and the local webhook (port, local network, secret to copy); the history
 * of runs with their counts and errors; a notification when a run ends.
 */
public final class SyncView extends TabPage {
    private final I18n i18n;
    private final SyncViewModel vm;
    private final EmptyState empty;
    private final Node content;
    private DateTimeFormatter time;
    private final java.util.List<Runnable> onLocale = new java.util.ArrayList<>();

    public SyncView(I18n i18n, Navigator navigator, TaskRunner tasks, Executor fx, ObservableValue<Registry> registry,
            Function<Registry, SyncEngine> engines) {
        super(i18n, TabId.SYNC);
        this.i18n = i18n;
        this.time = formatter(i18n.locale());
        this.vm = new SyncViewModel(tasks, fx, registry, engines, Clock.systemUTC());
        empty = showEmptyState();
        empty.addAction("syncGoMapping", "action.goMapping", () -> navigator.show(TabId.MAPPING), true);
        empty.addAction("syncGoConnection", "action.goConnection", () -> navigator.show(TabId.CONNECTION), false);
        content = build();
        vm.programs().addListener((ListChangeListener<ProgramInfo>) c -> setContent(vm.programs().isEmpty() ? empty
                : content));
        vm.finishedProperty().addListener((o, a, run) -> notifyEnd(run));
        i18n.localeProperty().addListener((o, a, b) -> {
            time = formatter(b);
            onLocale.forEach(Runnable::run);
        });
    }

    private static DateTimeFormatter formatter(Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneId.systemDefault());
    }

    public SyncViewModel viewModel() {
        return vm;
    }

    @Override
    public void onShown() {
        vm.reload();
    }

    private Node build() {
        VBox page = new VBox(16, runCard(), settingsRow(), historyCard());
        page.setPadding(new Insets(4, 28, 24, 28));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        return scroll;
    }

    private Node runCard() {
        Button now = button("syncNow", "sync.now");
        now.getStyleClass().add("accent");
        now.disableProperty().bind(vm.engineProperty().isNull());
        now.setOnAction(e -> vm.syncNow());
        Button cancel = button("syncCancel", "sync.cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar(0);
        bar.setId("syncProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        Label state = new Label();
        state.setId("syncState");
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!vm.runningProperty().get()) {
                return vm.nextRunProperty().get() == null ? i18n.get("sync.idle")
                        : i18n.get("sync.next", time.format(vm.nextRunProperty().get()));
            }
            if (vm.totalProperty().get() <= 0) {
                return i18n.get("sync.progress.fetching");
            }
            Duration left = vm.remainingProperty().get();
            String counts = i18n.get("sync.progress.counts", vm.doneProperty().get(), vm.totalProperty().get());
            return left == null ? counts : counts + " · " + i18n.get("sync.progress.left", left.toSeconds() < 90
                    ? i18n.get("sync.seconds", Math.max(1, left.toSeconds()))
                    : i18n.get("sync.minutes", Math.round(left.toSeconds() / 60.0)));
        }, vm.runningProperty(), vm.doneProperty(), vm.totalProperty(), vm.remainingProperty(), vm.nextRunProperty(),
                i18n.localeProperty()));
        HBox row = new HBox(10, now, cancel, bar, state);
        row.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("syncError");
        error.getStyleClass().add("form-warning");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            Throwable t = vm.errorProperty().get();
            return t == null ? "" : t instanceof AppException a ? i18n.describe(a)
                    : i18n.get("registryui.error.unexpected");
        }, vm.errorProperty(), i18n.localeProperty()));
        error.managedProperty().bind(vm.errorProperty().isNotNull());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        VBox card = card("syncRunCard", "sync.run.title");
        card.getChildren().addAll(hint("sync.run.hint"), row, error);
        return card;
    }

    private Node settingsRow() {
        CheckListView<ProgramInfo> list = new CheckListView<>(vm.programs());
        list.setId("syncPrograms");
        list.setPrefHeight(150);
        list.setCellFactory(l -> new javafx.scene.control.cell.CheckBoxListCell<ProgramInfo>(
                list::getItemBooleanProperty, new StringConverter<ProgramInfo>() {
                    @Override
                    public String toString(ProgramInfo p) {
                        return p == null ? "" : p.name();
                    }

                    @Override
                    public ProgramInfo fromString(String s) {
                        return null;
                    }
                }));
        boolean[] updating = {false};
        Runnable check = () -> {
            updating[0] = true;
            list.getCheckModel().clearChecks();
            for (ProgramInfo p : vm.programs()) {
                if (vm.chosen().contains(p.uid())) {
                    list.getCheckModel().check(p);
                }
            }
            updating[0] = false;
        };
        vm.chosen().addListener((ListChangeListener<String>) c -> {
            if (!updating[0]) {
                check.run();
            }
        });
        vm.programs().addListener((ListChangeListener<ProgramInfo>) c -> check.run());
        list.getCheckModel().getCheckedItems().addListener((ListChangeListener<ProgramInfo>) c -> {
            if (!updating[0]) {
                updating[0] = true;
                vm.setChosen(list.getCheckModel().getCheckedItems().stream().map(ProgramInfo::uid).toList());
                updating[0] = false;
            }
        });
        VBox programs = card("syncProgramsCard", "sync.programs.title");
        programs.getChildren().addAll(hint("sync.programs.hint"), list);

        ComboBox<Integer> interval = new ComboBox<>();
        interval.setId("syncInterval");
        interval.getItems().setAll(SyncViewModel.INTERVALS);
        interval.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer m) {
                return m == null || m == 0 ? i18n.get("sync.interval.off") : i18n.get("sync.interval.every", m);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        interval.setValue(vm.intervalProperty().get());
        onLocale.add(() -> {
            Integer v = interval.getValue();
            interval.setValue(null);
            interval.setValue(v);
        });
        vm.intervalProperty().addListener((o, a, b) -> interval.setValue(b.intValue()));
        interval.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.intervalProperty().set(b);
            }
        });
        CheckBox webhook = new CheckBox();
        webhook.setId("syncWebhook");
        webhook.textProperty().bind(i18n.text("sync.webhook.enable"));
        webhook.selectedProperty().bindBidirectional(vm.webhookProperty());
        TextField port = new TextField();
        port.setId("syncWebhookPort");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(vm.portProperty());
        CheckBox lan = new CheckBox();
        lan.setId("syncWebhookLan");
        lan.textProperty().bind(i18n.text("sync.webhook.lan"));
        lan.selectedProperty().bindBidirectional(vm.lanProperty());
        Label url = new Label();
        url.setId("syncWebhookUrl");
        url.textProperty().bind(Bindings.createStringBinding(() -> vm.webhookUrlProperty().get() == null
                ? i18n.get("sync.webhook.off") : vm.webhookUrlProperty().get(), vm.webhookUrlProperty(),
                i18n.localeProperty()));
        Label secret = new Label();
        secret.setId("syncWebhookSecret");
        secret.textProperty().bind(Bindings.createStringBinding(() -> vm.secretProperty().get() == null
                ? "••••••••" : vm.secretProperty().get(), vm.secretProperty()));
        Button show = button("syncWebhookShow", "sync.webhook.show");
        show.setOnAction(e -> vm.revealSecret());
        Button copy = button("syncWebhookCopy", "sync.webhook.copy");
        copy.disableProperty().bind(vm.secretProperty().isNull());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.secretProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button save = button("syncSaveSettings", "sync.settings.save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.dirtyProperty().not());
        save.setOnAction(e -> vm.saveSettings());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int r = 0;
        grid.addRow(r++, label("sync.interval"), interval);
        grid.addRow(r++, new Label(), webhook);
        grid.addRow(r++, label("sync.webhook.port"), new HBox(10, port, lan));
        grid.addRow(r++, label("sync.webhook.url"), url);
        HBox secretRow = new HBox(8, secret, show, copy);
        secretRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(r, label("sync.webhook.secret"), secretRow);
        VBox triggers = card("syncTriggersCard", "sync.triggers.title");
        HBox saveRow = new HBox(save);
        saveRow.setAlignment(Pos.CENTER_RIGHT);
        triggers.getChildren().addAll(hint("sync.triggers.hint"), grid, saveRow);
        HBox row = new HBox(16, programs, triggers);
        HBox.setHgrow(programs, Priority.ALWAYS);
        HBox.setHgrow(triggers, Priority.ALWAYS);
        programs.setPrefWidth(420);
        triggers.setPrefWidth(620);
        return row;
    }

    private Node historyCard() {
        TableView<SyncRun> table = new TableView<>(vm.history());
        table.setId("syncHistory");
        table.setPrefHeight(260);
        table.setPlaceholder(hint("sync.history.none"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("sync.col.started", 120, r -> time.format(r.startedAt())));
        table.getColumns().add(column("sync.col.program", 160, r -> vm.programs().stream()
                .filter(p -> p.uid().equals(r.programUid())).map(ProgramInfo::name).findFirst().orElse(r.programUid())));
        table.getColumns().add(column("sync.col.trigger", 90, r -> i18n.get(r.trigger().messageKey())));
        table.getColumns().add(column("sync.col.status", 80, r -> i18n.get("sync.status." + r.status().code())));
        table.getColumns().add(column("sync.col.fetched", 60, r -> String.valueOf(r.fetched())));
        table.getColumns().add(column("sync.col.changes", 130, r -> r.created() + " / " + r.updated() + " / "
                + r.deleted() + " / " + r.unchanged()));
        table.getColumns().add(column("sync.col.mpi", 110, r -> r.mpiLinked() + " / " + r.mpiReview()
                + " / " + r.mpiNew()));
        table.getColumns().add(column("sync.col.sensitive", 70, r -> String.valueOf(r.sensitiveBlocked())));
        table.getColumns().add(column("sync.col.cards", 60, r -> r.cards() == SyncRun.NO_CARDS ? "—"
                : String.valueOf(r.cards())));
        table.getColumns().add(column("sync.col.duration", 70, r -> String.format(Locale.ROOT, "%.1f s",
                r.durationMs() / 1000.0)));
        table.getColumns().add(column("sync.col.error", 200, r -> r.errorKey() != null ? i18n.get(r.errorKey(),
                r.errorArgs().toArray()) : r.cardsErrorKey() != null ? i18n.get("sync.cardsFailed",
                i18n.get(r.cardsErrorKey())) : ""));
        onLocale.add(table::refresh);
        VBox card = card("syncHistoryCard", "sync.history.title");
        card.getChildren().add(table);
        return card;
    }

    private void notifyEnd(SyncRun run) {
        if (run == null || getScene() == null || getScene().getWindow() == null) {
            return;
        }
        String title = i18n.get("sync.notify." + run.status().code());
        String text = i18n.get("sync.notify.text", run.fetched(), run.created(), run.updated(), run.deleted());
        try {
            Notifications n = Notifications.create().title(title).text(text).owner(getScene().getWindow())
                    .hideAfter(javafx.util.Duration.seconds(6));
            if (run.status() == SyncRun.Status.SUCCESS) {
                n.showInformation();
            } else {
                n.showWarning();
            }
        } catch (RuntimeException e) {
            // a notification is a courtesy: the history already shows the run
        }
    }

    private <S> TableColumn<S, String> column(String key, double width, java.util.function.Function<S, String> value) {
        return Controls.textColumn(i18n, key, width, value);
    }

    private VBox card(String id, String titleKey) {
        VBox card = new VBox(8);
        card.setId(id);
        card.getStyleClass().add("panel-card");
        Label title = new Label();
        title.textProperty().bind(i18n.text(titleKey));
        title.getStyleClass().add("section-title");
        card.getChildren().add(title);
        return card;
    }

    private Label label(String key) {
        Label l = Controls.formLabel(i18n, key);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Label hint(String key) {
        return Controls.hint(i18n, key);
    }

    private Button button(String id, String key) {
        return Controls.button(i18n, id, key);
    }
}
