package org.carnet.ui.registry;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;
import org.carnet.core.common.AppException;
import org.carnet.core.crypto.KdfParams;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.LanguageSwitch;
import org.carnet.uikit.MessageLine;
import org.carnet.uikit.TaskRunner;
import org.carnet.uikit.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First run: explains the encrypted registry, takes a passphrase (twice, with a live strength meter), creates the
 * registry off the FX thread, then shows the recovery key once and waits until the user says it is kept safe.
 */
public final class RegistrySetupView extends StackPane {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrySetupView.class);

    /** Where the set-up is. */
    public enum Step { FORM, WORKING, RECOVERY_KEY, DONE }

    private final I18n i18n;
    private final TaskRunner tasks;
    private final Path registryFile;
    private final Supplier<KdfParams> kdf;
    private final AuditActor actor;
    private final Consumer<Registry> onCreated;

    private final NewPassphraseFields fields;
    private final MessageLine formMessage;
    private final Button create;
    private final VBox formPage;
    private final VBox workingPage;
    private final VBox recoveryPage;
    private final Label keyText = new Label();
    private final MessageLine recoveryMessage;
    private final CheckBox stored = new CheckBox();
    private Step step = Step.FORM;
    private Registries.Created created;

    /**
     * @param kdf              Argon2id parameters for the new registry ({@code Argon2Kdf::calibrate} in production)
     * @param onCreated        receives the unlocked registry once the recovery key is confirmed (FX thread)
     * @param onQuit           the user does not want to create a registry now
     * @param onRestoreInstead restore an existing backup instead (null hides the link)
     */
    public RegistrySetupView(I18n i18n, TaskRunner tasks, Path registryFile, Supplier<KdfParams> kdf, AuditActor actor,
            Consumer<Registry> onCreated, Runnable onQuit, Runnable onRestoreInstead) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.registryFile = registryFile;
        this.kdf = kdf;
        this.actor = actor;
        this.onCreated = onCreated;
        setId("setupView");
        getStyleClass().add("registry-dialog");

        // ---- Step 1: the passphrase ----
        fields = new NewPassphraseFields(i18n, "passphraseui.passphrase", "setupPassphrase", "setupConfirm");
        formMessage = new MessageLine(i18n);
        formMessage.setId("setupMessage");
        create = Forms.button(i18n, "setupCreate", "registryui.setup.create", true);
        create.disableProperty().bind(fields.validProperty().not());
        create.setOnAction(e -> create());
        Button quit = Forms.button(i18n, "setupQuit", "registryui.quit", false);
        quit.setCancelButton(true);
        quit.setOnAction(e -> onQuit.run());
        Hyperlink restore = new Hyperlink();
        restore.setId("setupRestore");
        restore.textProperty().bind(i18n.text("registryui.setup.restoreInstead"));
        restore.setOnAction(e -> onRestoreInstead.run());
        restore.setVisible(onRestoreInstead != null);
        formPage = Forms.page(
                Forms.header(i18n, Icons.LOCK, "registryui.setup.title", "registryui.setup.subtitle",
                        new LanguageSwitch(i18n, "setupLanguage")),
                Forms.text(i18n, "registryui.setup.body", "dialog-body"),
                Forms.callout(i18n, Icons.WARNING, "registryui.setup.warning", "callout-warning"),
                fields, formMessage,
                Forms.buttonBar(onRestoreInstead == null ? null : restore, quit, create));

        // ---- Step 2: deriving the key and creating the file ----
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("setupProgress");
        spinner.setPrefSize(48, 48);
        Label working = Forms.text(i18n, "registryui.setup.working", "dialog-title");
        Label workingDetail = Forms.text(i18n, "registryui.setup.workingDetail", "dialog-subtitle");
        workingDetail.setAlignment(Pos.CENTER);
        workingPage = Forms.page(spinner, working, workingDetail);
        workingPage.setAlignment(Pos.CENTER);
        workingPage.setMinHeight(260);

        // ---- Step 3: the recovery key ----
        keyText.setId("recoveryKeyText");
        keyText.getStyleClass().add("recovery-key");
        keyText.setMaxWidth(Double.MAX_VALUE);
        keyText.setAlignment(Pos.CENTER);
        StackPane keyBox = new StackPane(keyText);
        keyBox.getStyleClass().add("recovery-key-box");
        Button copy = Forms.button(i18n, "recoveryCopy", "registryui.recovery.copy", false);
        copy.setOnAction(e -> copyKey());
        Button print = Forms.button(i18n, "recoveryPrint", "registryui.recovery.print", false);
        print.setOnAction(e -> printKey());
        HBox keyActions = new HBox(8, copy, print);
        keyActions.setAlignment(Pos.CENTER);
        recoveryMessage = new MessageLine(i18n);
        recoveryMessage.setId("recoveryMessage");
        stored.setId("recoveryStored");
        stored.textProperty().bind(i18n.text("registryui.recovery.stored"));
        stored.setWrapText(true);
        stored.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                recoveryMessage.clear();
            }
        });
        Button cont = Forms.button(i18n, "recoveryContinue", "registryui.recovery.continue", true);
        cont.disableProperty().bind(stored.selectedProperty().not());
        cont.setOnAction(e -> finish());
        recoveryPage = Forms.page(
                Forms.header(i18n, Icons.KEY, "registryui.recovery.title", "registryui.recovery.subtitle", null),
                Forms.text(i18n, "registryui.recovery.body", "dialog-body"),
                keyBox, keyActions,
                Forms.callout(i18n, Icons.WARNING, "registryui.recovery.warning", "callout-warning"),
                recoveryMessage, stored,
                Forms.buttonBar(null, cont));

        getChildren().add(formPage);
    }

    public Step step() {
        return step;
    }

    private void show(Node page, Step s) {
        step = s;
        getChildren().setAll(page);
        MessageLine.fitWindow(this);
    }

    private void create() {
        if (!fields.validProperty().get() || step != Step.FORM) {
            return;
        }
        formMessage.clear();
        char[] passphrase = fields.passphrase();
        show(workingPage, Step.WORKING);
        LOG.info("Creating the registry");
        tasks.run("registry-create", progress -> {
            try {
                return Registries.create(registryFile, passphrase, kdf.get(), actor);
            } finally {
                NewPassphraseFields.wipe(passphrase);
            }
        }, c -> {
            created = c;
            fields.clear();
            keyText.setText(twoLines(c.recoveryKey().display()));
            LOG.info("Registry created; showing the recovery key");
            show(recoveryPage, Step.RECOVERY_KEY);
            stored.requestFocus();
        }, error -> {
            LOG.warn("Registry not created: {}", error.getClass().getSimpleName());
            if (error instanceof AppException ae) {
                formMessage.show(MessageLine.Kind.ERROR, ae);
            } else {
                formMessage.show(MessageLine.Kind.ERROR, "registryui.error.unexpected");
            }
            show(formPage, Step.FORM);
        });
    }

    /** The key in two lines of seven groups, so it reads (and copies by hand) in chunks. */
    static String twoLines(String display) {
        String[] groups = display.split("-");
        int half = (groups.length + 1) / 2;
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            (i < half ? first : second).add(groups[i]);
        }
        return String.join("-", first) + "\n" + String.join("-", second);
    }

    private void copyKey() {
        if (created == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(created.recoveryKey().display());
        Clipboard.getSystemClipboard().setContent(content);
        recoveryMessage.show(MessageLine.Kind.INFO, "registryui.recovery.copied");
    }

    private void printKey() {
        if (created == null) {
            return;
        }
        PrinterJob job;
        try {
            job = PrinterJob.createPrinterJob();
        } catch (RuntimeException e) {
            LOG.warn("Printing unavailable: {}", e.getClass().getSimpleName());
            job = null;
        }
        if (job == null) {
            recoveryMessage.show(MessageLine.Kind.WARNING, "registryui.recovery.noPrinter");
            return;
        }
        try {
            if (!job.showPrintDialog(getScene() == null ? null : getScene().getWindow())) {
                job.cancelJob();
                recoveryMessage.clear();
                return;
            }
            PageLayout layout = job.getJobSettings().getPageLayout();
            VBox sheet = printSheet(layout.getPrintableWidth());
            double scale = Math.min(1, layout.getPrintableWidth() / sheet.getBoundsInParent().getWidth());
            if (scale < 1) {
                sheet.getTransforms().add(new Scale(scale, scale));
            }
            if (job.printPage(layout, sheet) && job.endJob()) {
                LOG.info("Recovery key sheet sent to the printer");
                recoveryMessage.show(MessageLine.Kind.SUCCESS, "registryui.recovery.printed");
            } else {
                recoveryMessage.show(MessageLine.Kind.ERROR, "registryui.recovery.printFailed");
            }
        } catch (RuntimeException e) {
            LOG.warn("Printing the recovery key failed: {}", e.getClass().getSimpleName());
            recoveryMessage.show(MessageLine.Kind.ERROR, "registryui.recovery.printFailed");
        }
    }

    /** What goes on paper: title, the key large and unambiguous, where it belongs, what to do with it. */
    private VBox printSheet(double width) {
        Label title = new Label(i18n.get("registryui.print.title"));
        title.getStyleClass().add("print-title");
        Label key = new Label(twoLines(created.recoveryKey().display()));
        key.getStyleClass().add("print-key");
        Label where = new Label(i18n.get("registryui.print.registry", registryFile.toString(),
                LocalDate.now().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(i18n.locale()))));
        Label how = new Label(i18n.get("registryui.print.instructions"));
        for (Label l : List.of(title, key, where, how)) {
            l.setWrapText(true);
            l.setMaxWidth(width);
        }
        where.getStyleClass().add("print-text");
        how.getStyleClass().add("print-text");
        VBox sheet = new VBox(18, title, key, where, how);
        sheet.getStyleClass().add("print-sheet");
        sheet.setPrefWidth(Math.min(width, 520));
        Scene scene = new Scene(sheet);
        Theme.apply(scene);
        sheet.applyCss();
        sheet.layout();
        return sheet;
    }

    private void finish() {
        if (created == null || !stored.isSelected()) {
            return;
        }
        Clipboard clipboard = Clipboard.getSystemClipboard();
        String display = created.recoveryKey().display();
        if (clipboard.hasString() && display.equals(clipboard.getString())) {
            clipboard.clear();
        }
        created.recoveryKey().destroy();
        keyText.setText("");
        Registry registry = created.registry();
        created = null;
        step = Step.DONE;
        onCreated.accept(registry);
    }

    /**
     * The window is being closed. Before the registry exists this means quit; while it is being created it waits;
     * once created the recovery key must be confirmed first.
     *
     * @return true when the window may close now
     */
    public boolean closeRequested(Runnable onQuit) {
        switch (step) {
            case FORM -> {
                onQuit.run();
                return true;
            }
            case RECOVERY_KEY -> {
                if (stored.isSelected()) {
                    finish();
                    return true;
                }
                recoveryMessage.show(MessageLine.Kind.WARNING, "registryui.recovery.confirmFirst");
                return false;
            }
            case WORKING -> {
                return false;
            }
            default -> {
                return true;
            }
        }
    }
}
