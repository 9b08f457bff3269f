package org.carnet.app;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.carnet.core.common.Version;
import org.carnet.core.settings.AppSettings;
import org.carnet.core.connection.ConnectionService;
import org.carnet.ui.connection.ConnectionView;
import org.carnet.ui.design.CardDesignView;
import org.carnet.ui.distribution.DistributionView;
import org.carnet.ui.mapping.MappingView;
import org.carnet.ui.review.ReviewQueueView;
import org.carnet.ui.sync.SyncView;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.StatusBar;
import org.carnet.uikit.TabId;
import org.carnet.uikit.Theme;

/** The main window: menus, the six tabs and the status bar. Remembers size, position, tab and language. */
public final class MainWindow {
    public static final double DEFAULT_WIDTH = 1240;
    public static final double DEFAULT_HEIGHT = 760;
    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 600;

    private final AppContext context;
    private final Stage stage;
    private final I18n i18n;
    private final TabPane tabs = new TabPane();
    private final Map<TabId, Tab> tabById = new EnumMap<>(TabId.class);
    private final StatusBar statusBar = new StatusBar();
    private final RegistryFlow registryFlow;

    public MainWindow(AppContext context, Stage stage) {
        this.context = context;
        this.stage = stage;
        this.i18n = context.i18n();
        this.registryFlow = new RegistryFlow(context, stage);
    }

    /** Set-up, unlock, backup, restore and the audit log of the encrypted registry. */
    RegistryFlow registryFlow() {
        return registryFlow;
    }

    public Scene build() {
        Navigator navigator = this::show;
        addTab(TabId.CONNECTION, new ConnectionView(i18n, navigator, context.tasks(), context.registryProperty(),
                new ConnectionService(), context.demoServerLauncher()));
        addTab(TabId.MAPPING, new MappingView(i18n, navigator, context.tasks(), context.registryProperty()));
        addTab(TabId.SYNC, new SyncView(i18n, navigator, context.tasks(), javafx.application.Platform::runLater,
                context.registryProperty(), r -> new org.carnet.core.sync.SyncEngine(r, syncService(r),
                        context.executors().sync(), context.executors().syncTimer(), java.time.Clock.systemUTC())));
        CardDesignView design = new CardDesignView(i18n, navigator, context.tasks(), context.registryProperty(),
                context.executors().previewRender(), context.executors().bulkRender());
        design.setCardRenderPool(context.executors().cardRender());
        addTab(TabId.DESIGN, design);
        addTab(TabId.REVIEW, new ReviewQueueView(i18n, navigator, context.tasks(), context.registryProperty()));
        addTab(TabId.DISTRIBUTION, new DistributionView(i18n, navigator));
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("main-tabs");

        statusBar.setId("statusBar");
        statusBar.bindMessage(i18n.text(context.settingsWereUnreadable() ? "status.settingsReset" : "status.ready"));
        statusBar.bindBusy(context.tasks().runningProperty().greaterThan(0));
        statusBar.addItem("statusRegistry", Bindings.createStringBinding(() -> i18n.get(
                context.registry() == null ? "registryui.status.locked" : "registryui.status.unlocked"),
                i18n.localeProperty(), context.registryProperty()));
        statusBar.addItem("statusHome", i18n.text("status.home", context.home().root().toString()));
        statusBar.addItem("statusLanguage", Bindings.createStringBinding(
                () -> i18n.get("language." + i18n.locale().getLanguage()), i18n.localeProperty()));
        statusBar.addItem("statusVersion", i18n.text("status.version", Version.current()));

        BorderPane root = new BorderPane();
        root.setId("mainRoot");
        root.getStyleClass().add("main-root");
        root.setTop(menuBar());
        // While the registry is locked behind the set-up or unlock window, the window beneath is dimmed.
        Region lockShade = new Region();
        lockShade.setId("lockShade");
        lockShade.getStyleClass().add("lock-shade");
        lockShade.visibleProperty().bind(registryFlow.lockedOut());
        root.setCenter(new StackPane(tabs, lockShade));
        root.setBottom(statusBar);

        Scene scene = new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        Theme.apply(scene);

        stage.titleProperty().set("Carnet");
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        restoreGeometry();
        Integer selected = context.settings().getSelectedTab();
        if (selected != null && selected >= 0 && selected < tabs.getTabs().size()) {
            tabs.getSelectionModel().select(selected);
        }
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            context.settings().setSelectedTab(b.intValue());
            context.saveSettings();
        });
        i18n.localeProperty().addListener((o, a, b) -> {
            context.settings().setLanguage(b.toLanguageTag());
            context.saveSettings();
        });
        stage.setScene(scene);
        return scene;
    }

    /** The sync pipeline of an unlocked registry, ending with cards from sync. */
    private static org.carnet.core.sync.SyncService syncService(org.carnet.core.registry.Registry r) {
        org.carnet.core.sync.SyncService service = new org.carnet.core.sync.SyncService(r);
        service.setCardStep(new org.carnet.core.cards.CardsFromSync(r, java.time.Clock.systemDefaultZone()));
        return service;
    }

    private void addTab(TabId id, Node content) {
        Tab tab = new Tab();
        tab.setId(id.key() + "TabHeader");
        tab.textProperty().bind(i18n.text("tab." + id.key()));
        tab.setGraphic(Icons.of(Icons.forTab(id)));
        tab.setContent(content);
        tab.setClosable(false);
        if (content instanceof org.carnet.uikit.TabPage page) {
            tab.setOnSelectionChanged(e -> {
                if (tab.isSelected()) {
                    page.onShown();
                }
            });
        }
        tabById.put(id, tab);
        tabs.getTabs().add(tab);
    }

    /** Selects a tab. */
    public void show(TabId id) {
        tabs.getSelectionModel().select(tabById.get(id));
    }

    public TabPane tabs() {
        return tabs;
    }

    private MenuBar menuBar() {
        Menu file = menu("menuFile", "menu.file");
        MenuItem quit = item("menuQuit", "menu.file.quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> {
            saveGeometry();
            Platform.exit();
        });
        BooleanBinding locked = context.registryProperty().isNull();
        MenuItem changePassphrase = item("menuChangePassphrase", "registryui.menu.changePassphrase");
        changePassphrase.setOnAction(e -> registryFlow.changePassphrase());
        changePassphrase.disableProperty().bind(locked);
        MenuItem backup = item("menuBackup", "registryui.menu.backup");
        backup.setOnAction(e -> registryFlow.backup());
        backup.disableProperty().bind(locked.or(registryFlow.backupRunningProperty()));
        MenuItem restore = item("menuRestore", "registryui.menu.restore");
        restore.setOnAction(e -> registryFlow.restore());
        restore.disableProperty().bind(locked);
        MenuItem audit = item("menuAuditLog", "registryui.menu.auditLog");
        audit.setOnAction(e -> registryFlow.auditLog());
        audit.disableProperty().bind(locked);
        file.getItems().addAll(changePassphrase, new SeparatorMenuItem(), backup, restore, new SeparatorMenuItem(),
                audit, new SeparatorMenuItem(), quit);

        Menu view = menu("menuView", "menu.view");
        Menu language = menu("menuLanguage", "menu.view.language");
        ToggleGroup group = new ToggleGroup();
        for (Locale l : I18n.SUPPORTED) {
            RadioMenuItem r = new RadioMenuItem();
            r.textProperty().bind(i18n.text("language." + l.getLanguage()));
            r.setId("language-" + l.getLanguage());
            r.setToggleGroup(group);
            r.setSelected(l.equals(i18n.locale()));
            r.setOnAction(e -> i18n.setLocale(l));
            language.getItems().add(r);
        }
        i18n.localeProperty().addListener((o, a, b) -> group.getToggles().forEach(t ->
                t.setSelected(((RadioMenuItem) t).getId().equals("language-" + b.getLanguage()))));
        view.getItems().addAll(language, new SeparatorMenuItem());
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6};
        for (TabId id : TabId.values()) {
            MenuItem go = item("menuGo-" + id.key(), "tab." + id.key());
            go.setAccelerator(new KeyCodeCombination(digits[id.ordinal()], KeyCombination.SHORTCUT_DOWN));
            go.setOnAction(e -> show(id));
            view.getItems().add(go);
        }

        Menu help = menu("menuHelp", "menu.help");
        MenuItem about = item("menuAbout", "menu.help.about");
        about.setOnAction(e -> new AboutDialog(context, stage).showAndWait());
        help.getItems().add(about);

        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu menu(String id, String key) {
        Menu m = new Menu();
        m.setId(id);
        m.textProperty().bind(i18n.text(key));
        return m;
    }

    private MenuItem item(String id, String key) {
        MenuItem m = new MenuItem();
        m.setId(id);
        m.textProperty().bind(i18n.text(key));
        return m;
    }

    private void restoreGeometry() {
        AppSettings.WindowBounds b = context.settings().getWindow();
        if (b == null || !b.isUsable()) {
            stage.setWidth(DEFAULT_WIDTH);
            stage.setHeight(DEFAULT_HEIGHT);
            fitToScreen();
            stage.centerOnScreen();
            return;
        }
        boolean visible = Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).size() > 0;
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        if (visible) {
            stage.setX(b.x());
            stage.setY(b.y());
        } else {
            stage.centerOnScreen();
        }
        fitToScreen();
        stage.setMaximized(b.maximized());
    }

    private void fitToScreen() {
        var bounds = Screen.getPrimary().getVisualBounds();
        if (stage.getWidth() > bounds.getWidth()) {
            stage.setWidth(bounds.getWidth());
            stage.setX(bounds.getMinX());
        }
        if (stage.getHeight() > bounds.getHeight()) {
            stage.setHeight(bounds.getHeight());
            stage.setY(bounds.getMinY());
        }
    }

    /** Stores the window's geometry in the settings (not the maximised size, so un-maximising restores it). */
    public void saveGeometry() {
        AppSettings.WindowBounds old = context.settings().getWindow();
        if (stage.isMaximized() && old != null) {
            context.settings().setWindow(new AppSettings.WindowBounds(old.x(), old.y(), old.width(), old.height(), true));
        } else {
            context.settings().setWindow(new AppSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
        }
        context.saveSettings();
    }
}
