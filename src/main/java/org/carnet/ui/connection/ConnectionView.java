package org.carnet.ui.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.carnet.core.common.AppException;
import org.carnet.core.connection.ConnectionService;
import org.carnet.core.dhis2.CertificateInfo;
import org.carnet.core.dhis2.Dhis2AuthenticationException;
import org.carnet.core.dhis2.Dhis2Exception;
import org.carnet.core.dhis2.OrgUnit;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.uikit.Dialogs;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;
import org.carnet.uikit.TaskRunner;

/**
 * The Connection tab: which DHIS2 server Carnet reads from and how it signs in. Left, the form (address, password or
 * personal access token, trusted certificates) with Test / Cancel / Save; right, the result (version, server date,
 * user, org units) or the error with its category, details and, for a self-signed server, "Trust this certificate";
 * below, the programs and the attributes of the selected one. Nothing here blocks the window.
 */
public final class ConnectionView extends TabPage {
    private final I18n i18n;
    private final ConnectionViewModel vm;
    private final TaskRunner tasks;
    private final DemoServerLauncher demo;
    private final Label demoStatus = new Label();
    private final javafx.beans.property.BooleanProperty demoRunning =
            new javafx.beans.property.SimpleBooleanProperty(this, "demoRunning");

    public ConnectionView(I18n i18n, Navigator navigator, TaskRunner tasks, ObservableValue<Registry> registry,
            ConnectionService service, DemoServerLauncher demo) {
        super(i18n, TabId.CONNECTION);
        this.i18n = i18n;
        this.tasks = tasks;
        this.demo = demo;
        this.vm = new ConnectionViewModel(tasks, registry, service);
        getStyleClass().add("connection-view");

        Node form = form();
        Node results = results(navigator);
        HBox top = new HBox(16, form, results);
        HBox.setHgrow(results, Priority.ALWAYS);
        top.setFillHeight(true);
        VBox page = new VBox(16, top, programs());
        page.setPadding(new Insets(4, 28, 24, 28));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        setContent(scroll);

        registry.addListener((o, a, b) -> {
            if (b != null) {
                vm.load();
            }
        });
        if (registry.getValue() != null) {
            vm.load();
        }
    }

    public ConnectionViewModel viewModel() {
        return vm;
    }

    // ------------------------------------------------------------------ form

    private Node form() {
        VBox card = card("connectionForm");
        card.setPrefWidth(440);
        card.setMinWidth(440);
        card.setMaxWidth(440);

        VBox demoBox = demoBanner();

        Label urlLabel = formLabel("connection.url");
        TextField url = new TextField();
        url.setId("connectionUrl");
        url.promptTextProperty().bind(i18n.text("connection.url.prompt"));
        url.textProperty().bindBidirectional(vm.urlProperty());
        urlLabel.setLabelFor(url);
        Label urlHint = new Label();
        urlHint.setId("connectionUrlHint");
        urlHint.setWrapText(true);
        urlHint.textProperty().bind(Bindings.createStringBinding(() -> {
            String typed = vm.urlProperty().get();
            if (typed == null || typed.isBlank()) {
                return i18n.get("connection.url.hint");
            }
            return vm.normalizedUrl().map(u -> u.equals(typed.strip()) ? i18n.get("connection.url.hint")
                    : i18n.get("connection.url.normalized", u)).orElse(i18n.get("connection.url.invalid"));
        }, vm.urlProperty(), i18n.localeProperty()));
        urlHint.getStyleClass().add("form-hint");
        vm.urlValidProperty().addListener((o, a, valid) -> urlHint.getStyleClass().setAll(
                valid || vm.urlProperty().get().isBlank() ? "form-hint" : "form-warning"));

        Label authLabel = formLabel("connection.auth");
        ToggleGroup mode = new ToggleGroup();
        RadioButton byPassword = radio("connectionAuthPassword", "connection.auth.password", mode);
        RadioButton byToken = radio("connectionAuthToken", "connection.auth.token", mode);
        byPassword.setSelected(vm.authModeProperty().get() == ConnectionViewModel.AuthMode.PASSWORD);
        byToken.setSelected(!byPassword.isSelected());
        mode.selectedToggleProperty().addListener((o, a, b) -> vm.authModeProperty().set(
                b == byToken ? ConnectionViewModel.AuthMode.TOKEN : ConnectionViewModel.AuthMode.PASSWORD));
        vm.authModeProperty().addListener((o, a, b) -> (b == ConnectionViewModel.AuthMode.TOKEN ? byToken : byPassword)
                .setSelected(true));
        HBox modes = new HBox(16, byPassword, byToken);

        TextField username = new TextField();
        username.setId("connectionUsername");
        username.promptTextProperty().bind(i18n.text("connection.username"));
        username.textProperty().bindBidirectional(vm.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("connectionPassword");
        password.promptTextProperty().bind(i18n.text("connection.password"));
        password.textProperty().bindBidirectional(vm.passwordProperty());
        VBox passwordFields = new VBox(6, username, password);
        PasswordField token = new PasswordField();
        token.setId("connectionToken");
        token.promptTextProperty().bind(i18n.text("connection.token.prompt"));
        token.textProperty().bindBidirectional(vm.tokenProperty());
        Label tokenHint = hint("connection.token.hint");
        VBox tokenFields = new VBox(6, token, tokenHint);
        showWhen(passwordFields, vm.authModeProperty().isEqualTo(ConnectionViewModel.AuthMode.PASSWORD));
        showWhen(tokenFields, vm.authModeProperty().isEqualTo(ConnectionViewModel.AuthMode.TOKEN));
        Label accountHint = hint("connection.auth.hint");

        Node certificates = certificates();

        Button test = new Button();
        test.setId("connectionTest");
        test.textProperty().bind(i18n.text("connection.test"));
        test.getStyleClass().add("accent");
        test.setDefaultButton(true);
        test.disableProperty().bind(vm.canTestProperty().not());
        test.setOnAction(e -> vm.test());
        Button cancel = new Button();
        cancel.setId("connectionCancel");
        cancel.textProperty().bind(i18n.text("connection.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());
        showWhen(cancel, vm.phaseProperty().isEqualTo(ConnectionViewModel.Phase.TESTING));
        Button save = new Button();
        save.setId("connectionSave");
        save.textProperty().bind(i18n.text("connection.save"));
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("connectionProgress");
        spinner.setPrefSize(18, 18);
        showWhen(spinner, vm.phaseProperty().isEqualTo(ConnectionViewModel.Phase.TESTING).or(vm.savingProperty()));
        Label progress = new Label();
        progress.setId("connectionProgressText");
        progress.getStyleClass().add("form-hint");
        progress.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.phaseProperty().get() == ConnectionViewModel.Phase.TESTING) {
                return i18n.get(vm.progressKeyProperty().get());
            }
            if (vm.savingProperty().get()) {
                return i18n.get("connection.saving");
            }
            return vm.savedProperty().get() && vm.hasSavedProfileProperty().get() ? i18n.get("connection.savedState")
                    : "";
        }, vm.phaseProperty(), vm.progressKeyProperty(), vm.savingProperty(), vm.savedProperty(),
                vm.hasSavedProfileProperty(), i18n.localeProperty()));
        progress.setWrapText(true);
        showWhen(progress, progress.textProperty().isNotEmpty());
        for (Button b : java.util.List.of(test, cancel, save)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(8, test, cancel, save, spinner);
        buttons.setAlignment(Pos.CENTER_LEFT);

        card.getChildren().addAll(demoBox, section("connection.server"), urlLabel, url, urlHint, authLabel, modes,
                passwordFields, tokenFields, accountHint, certificates, buttons, progress);
        return card;
    }

    private VBox demoBanner() {
        Label text = new Label();
        text.setId("connectionDemoText");
        text.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(demoRunning.get()
                ? "connection.demo.active" : "connection.demo.text"), demoRunning, i18n.localeProperty()));
        text.setWrapText(true);
        text.getStyleClass().add("callout-text");
        Button tryDemo = new Button();
        tryDemo.setId("connectionDemo");
        tryDemo.textProperty().bind(i18n.text("connection.demo.button"));
        tryDemo.getStyleClass().add("accent");
        tryDemo.setMinWidth(Region.USE_PREF_SIZE);
        demoStatus.setId("connectionDemoStatus");
        demoStatus.getStyleClass().add("form-hint");
        demoStatus.setWrapText(true);
        showWhen(demoStatus, demoStatus.textProperty().isNotEmpty());
        tryDemo.setOnAction(e -> startDemo(tryDemo, true));
        // once the form is the running demo server, the button has nothing left to do
        showWhen(tryDemo, Bindings.createBooleanBinding(() -> !(demoRunning.get()
                && demo.serves(vm.urlProperty().get())), demoRunning, vm.urlProperty()));
        VBox box = new VBox(8, text, tryDemo, demoStatus);
        box.getStyleClass().addAll("callout", "callout-info");
        // offered until a connection is saved; kept while the saved connection is the demo server
        showWhen(box, Bindings.createBooleanBinding(() -> demo != null
                && (!vm.hasSavedProfileProperty().get() || demo.serves(vm.urlProperty().get())),
                vm.hasSavedProfileProperty(), vm.urlProperty(), demoRunning));
        vm.hasSavedProfileProperty().addListener((o, was, saved) -> {
            if (saved && demo != null && !demo.running() && demo.serves(vm.urlProperty().get())) {
                startDemo(tryDemo, false);
            }
        });
        return box;
    }

    /**
     * Starts the demo server; {@code connect} fills the form with it, tests and saves. Without, it only brings back
     * the server a saved demo connection points at (after a restart of Carnet).
     */
    private void startDemo(Button button, boolean connect) {
        button.setDisable(true);
        demoStatus.textProperty().unbind();
        demoStatus.setText(i18n.get("connection.demo.starting"));
        tasks.run("demo-server-start", p -> demo.start(), access -> {
            button.setDisable(false);
            demoRunning.set(true);
            demoStatus.textProperty().bind(Bindings.createStringBinding(
                    () -> i18n.get("connection.demo.running", access.url()), i18n.localeProperty()));
            if (connect) {
                vm.fill(access.url(), access.username(), access.password());
                vm.test(vm::save);
            }
        }, err -> {
            button.setDisable(false);
            demoStatus.setText(err instanceof AppException a ? i18n.describe(a)
                    : i18n.get("connection.demo.failed"));
        });
    }

    private Node certificates() {
        Label title = formLabel("connection.certificates");
        ListView<CertificateInfo> list = new ListView<>();
        list.setId("connectionCertificates");
        list.setPrefHeight(64);
        list.setItems(javafx.collections.FXCollections.observableArrayList());
        Runnable refresh = () -> {
            java.util.List<CertificateInfo> all = new java.util.ArrayList<>(vm.pinnedCertificates());
            all.addAll(vm.authorityCertificates());
            list.getItems().setAll(all);
        };
        vm.pinnedCertificates().addListener((javafx.collections.ListChangeListener<CertificateInfo>) c -> refresh.run());
        vm.authorityCertificates().addListener(
                (javafx.collections.ListChangeListener<CertificateInfo>) c -> refresh.run());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CertificateInfo c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : i18n.get(vm.pinnedCertificates().contains(c)
                        ? "connection.certificates.pinned" : "connection.certificates.authority",
                        shortName(c.subject()), c.sha256Fingerprint().substring(0, 23) + "…"));
            }
        });
        list.setPlaceholder(hint("connection.certificates.none"));
        Button importCa = new Button();
        importCa.setId("connectionImportCa");
        importCa.textProperty().bind(i18n.text("connection.certificates.import"));
        importCa.setOnAction(e -> importAuthority());
        Button remove = new Button();
        remove.setId("connectionRemoveCertificate");
        remove.textProperty().bind(i18n.text("connection.certificates.remove"));
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeCertificate(list.getSelectionModel().getSelectedItem()));
        Label message = new Label();
        message.setId("connectionCertificateMessage");
        message.getStyleClass().add("form-hint");
        importMessage = message;
        VBox box = new VBox(6, hint("connection.certificates.hint"), list, new HBox(8, importCa, remove), message);
        refresh.run();
        TitledPane pane = new TitledPane();
        pane.setId("connectionCertificatesPane");
        pane.textProperty().bind(title.textProperty());
        pane.setContent(box);
        pane.setExpanded(!list.getItems().isEmpty());
        list.getItems().addListener((javafx.collections.ListChangeListener<CertificateInfo>) c -> {
            if (!list.getItems().isEmpty()) {
                pane.setExpanded(true);
            }
        });
        vm.untrustedCertificateProperty().addListener((o, a, b) -> {
            if (b != null) {
                pane.setExpanded(true);
            }
        });
        pane.getStyleClass().add("plain-titled");
        return pane;
    }

    private Label importMessage;

    private void importAuthority() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("connection.certificates.import"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("connection.certificates.pem"),
                "*.pem", "*.crt", "*.cer"));
        java.io.File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            importAuthorityFile(file.toPath());
        }
    }

    /** Imports the CA certificates of a PEM file (also used by tests, which cannot drive a native file chooser). */
    void importAuthorityFile(Path file) {
        try {
            int added = vm.importAuthorities(Files.readString(file));
            importMessage.setText(i18n.get("connection.certificates.imported", added));
        } catch (IOException e) {
            importMessage.setText(i18n.get("connection.certificates.unreadable", file.getFileName()));
        } catch (CertificateException e) {
            importMessage.setText(i18n.get("connection.certificates.invalid", file.getFileName()));
        }
    }

    static String shortName(String dn) {
        for (String part : dn.split(",")) {
            if (part.strip().startsWith("CN=")) {
                return part.strip().substring(3);
            }
        }
        return dn;
    }

    // ------------------------------------------------------------------ result and error

    private Node results(Navigator navigator) {
        VBox result = card("connectionResult");
        Label ok = new Label(null, Icons.of(Icons.SHIELD));
        ok.textProperty().bind(i18n.text("connection.result.title"));
        ok.getStyleClass().add("result-title");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("key-value-grid");
        grid.setHgap(16);
        grid.setVgap(8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(150), new ColumnConstraints());
        Label version = value("connectionVersion");
        Label date = value("connectionServerDate");
        Label user = value("connectionUser");
        Label orgUnits = value("connectionOrgUnits");
        Label count = value("connectionProgramCount");
        int row = 0;
        row = keyValue(grid, row, "connection.result.version", version);
        row = keyValue(grid, row, "connection.result.serverDate", date);
        row = keyValue(grid, row, "connection.result.user", user);
        row = keyValue(grid, row, "connection.result.orgUnits", orgUnits);
        keyValue(grid, row, "connection.result.programs", count);
        Label note = new Label();
        note.setId("connectionResultNote");
        note.setWrapText(true);
        note.getStyleClass().add("form-warning");
        Button next = new Button();
        next.setId("connectionNext");
        next.textProperty().bind(i18n.text("connection.result.next"));
        // the Mapping tab works on the saved programs: an unsaved tested connection is saved first
        next.setOnAction(e -> {
            if (vm.savedProperty().get()) {
                navigator.show(TabId.MAPPING);
            } else {
                vm.save(() -> navigator.show(TabId.MAPPING));
            }
        });
        next.disableProperty().bind(vm.savedProperty().not().and(vm.canSaveProperty().not()));
        result.getChildren().addAll(ok, grid, note, next);
        vm.resultProperty().addListener((o, a, r) -> showResult(r, version, date, user, orgUnits, count, note));
        i18n.localeProperty().addListener((o, a, b) -> showResult(vm.resultProperty().get(), version, date, user,
                orgUnits, count, note));
        showWhen(result, vm.phaseProperty().isEqualTo(ConnectionViewModel.Phase.CONNECTED));

        VBox failure = card("connectionError");
        failure.getStyleClass().add("error-card");
        Label title = new Label(null, Icons.of(Icons.WARNING));
        title.setId("connectionErrorTitle");
        title.getStyleClass().add("result-title");
        Label message = new Label();
        message.setId("connectionErrorMessage");
        message.setWrapText(true);
        message.getStyleClass().add("dialog-body");
        Button trust = new Button();
        trust.setId("connectionTrust");
        trust.textProperty().bind(i18n.text("connection.trust.button"));
        trust.getStyleClass().add("accent");
        trust.setOnAction(e -> openTrustDialog());
        showWhen(trust, vm.untrustedCertificateProperty().isNotNull());
        TextArea detailText = new TextArea();
        detailText.setId("connectionErrorDetailText");
        detailText.setEditable(false);
        detailText.setWrapText(true);
        detailText.setPrefRowCount(4);
        TitledPane details = new TitledPane();
        details.setId("connectionErrorDetails");
        details.textProperty().bind(i18n.text("connection.error.details"));
        details.setContent(detailText);
        details.setExpanded(false);
        failure.getChildren().addAll(title, message, trust, details);
        Runnable showError = () -> showError(vm.errorProperty().get(), title, message, detailText);
        vm.errorProperty().addListener((o, a, b) -> showError.run());
        i18n.localeProperty().addListener((o, a, b) -> showError.run());
        showWhen(failure, vm.errorProperty().isNotNull());

        VBox idle = card("connectionIdle");
        Label idleTitle = new Label(null, Icons.of(Icons.SERVER));
        idleTitle.textProperty().bind(i18n.text("connection.idle.title"));
        idleTitle.getStyleClass().add("result-title");
        Label idleBody = new Label();
        idleBody.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(vm.hasSavedProfileProperty().get()
                ? "connection.idle.saved" : "connection.idle.body"), vm.hasSavedProfileProperty(), i18n.localeProperty()));
        idleBody.setWrapText(true);
        idleBody.getStyleClass().add("dialog-body");
        idle.getChildren().addAll(idleTitle, idleBody);
        showWhen(idle, vm.phaseProperty().isNotEqualTo(ConnectionViewModel.Phase.CONNECTED)
                .and(vm.errorProperty().isNull()));

        VBox column = new VBox(12, idle, result, failure);
        column.setMinWidth(360);
        return column;
    }

    private void showResult(ConnectionService.Result r, Label version, Label date, Label user, Label orgUnits,
            Label count, Label note) {
        if (r == null) {
            return;
        }
        var server = r.test().server();
        version.setText(server.version().raw());
        String when = server.serverDate() == null ? server.serverDateText()
                : java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                        .withLocale(i18n.localeProperty().get()).format(server.serverDate());
        date.setText(i18n.get("connection.result.serverDateValue", when,
                server.timeZoneId() == null ? "?" : server.timeZoneId()));
        user.setText(r.test().user().displayName() == null ? r.test().user().username()
                : i18n.get("connection.result.userValue", r.test().user().displayName(), r.test().user().username()));
        orgUnits.setText(r.test().orgUnits().stream()
                .map(u -> u.displayName() == null ? u.id() : u.displayName()).collect(Collectors.joining(", ")));
        count.setText(String.valueOf(r.test().programmesAvailable()));
        StringBuilder notes = new StringBuilder();
        if (server.version().newerThanTested()) {
            notes.append(i18n.get("connection.result.newer", server.version().raw()));
        }
        if (server.nonIsoCalendar()) {
            notes.append(notes.length() > 0 ? "\n" : "").append(i18n.get("connection.result.calendar",
                    server.calendar()));
        }
        if (r.test().orgUnits().isEmpty()) {
            notes.append(notes.length() > 0 ? "\n" : "").append(i18n.get("connection.result.noOrgUnits"));
        }
        note.setText(notes.toString());
        note.setVisible(notes.length() > 0);
        note.setManaged(note.isVisible());
    }

    private void showError(Throwable e, Label title, Label message, TextArea details) {
        if (e == null) {
            return;
        }
        String category = e instanceof Dhis2Exception d ? d.category() : e instanceof AppException ? "app" : "unexpected";
        title.setText(i18n.get("connection.error." + category));
        message.setText(e instanceof AppException a ? i18n.describe(a) : i18n.get("error.unexpected.body"));
        StringBuilder d = new StringBuilder(i18n.get("connection.error.category", category));
        if (e instanceof Dhis2AuthenticationException auth) {
            d.append('\n').append(i18n.get("connection.error.reason", auth.reason().name()));
        }
        if (e.getMessage() != null) {
            d.append('\n').append(e.getMessage());
        }
        details.setText(d.toString());
    }

    private void openTrustDialog() {
        CertificateInfo cert = vm.untrustedCertificateProperty().get();
        if (cert == null) {
            return;
        }
        Stage[] stage = new Stage[1];
        TrustCertificateView view = new TrustCertificateView(i18n, cert, !cert.validAt(Instant.now()), () -> {
            stage[0].close();
            vm.trustPresentedCertificate();
        }, () -> stage[0].close());
        stage[0] = Dialogs.modal(getScene() == null ? null : getScene().getWindow(),
                i18n.text("connection.trust.title"), view);
        stage[0].show();
    }

    // ------------------------------------------------------------------ programs

    private Node programs() {
        return new ProgramDetailView(i18n, vm);
    }

    // ------------------------------------------------------------------ small builders

    private static VBox card(String id) {
        VBox card = new VBox(8);
        card.setId(id);
        card.getStyleClass().add("panel-card");
        return card;
    }

    private Label section(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    private Label formLabel(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add("form-label");
        return l;
    }

    private Label hint(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add("form-hint");
        l.setWrapText(true);
        return l;
    }

    private RadioButton radio(String id, String key, ToggleGroup group) {
        RadioButton r = new RadioButton();
        r.setId(id);
        r.textProperty().bind(i18n.text(key));
        r.setToggleGroup(group);
        return r;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("kv-value");
        return l;
    }

    private int keyValue(GridPane grid, int row, String key, Label value) {
        Label k = new Label();
        k.textProperty().bind(i18n.text(key));
        k.getStyleClass().add("kv-key");
        grid.addRow(row, k, value);
        return row + 1;
    }

    static int keyValue(GridPane grid, int row, String key, String value, String id) {
        Label k = new Label(key);
        k.getStyleClass().add("kv-key");
        Label v = new Label(value);
        v.setId(id);
        v.setWrapText(true);
        v.getStyleClass().add("kv-value");
        grid.addRow(row, k, v);
        return row + 1;
    }

    private static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }
}
