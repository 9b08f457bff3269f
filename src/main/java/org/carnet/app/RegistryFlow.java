package org.carnet.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.carnet.core.common.AppException;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.ui.registry.AuditLogView;
import org.carnet.ui.registry.ChangePassphraseView;
import org.carnet.ui.registry.RegistrySetupView;
import org.carnet.ui.registry.RestoreView;
import org.carnet.ui.registry.UnlockView;
import org.carnet.uikit.Dialogs;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's life in the window: set-up on first run or unlock at each start, change of passphrase, backup,
 * restore (which locks the registry and unlocks the restored one) and the audit log. Owns no state but the windows it
 * opened; the registry itself lives in {@link AppContext#registryProperty()}.
 */
final class RegistryFlow {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryFlow.class);

    private final AppContext context;
    private final Stage owner;
    private final I18n i18n;
    private final BooleanProperty backupRunning = new SimpleBooleanProperty(this, "backupRunning");
    private final BooleanProperty started = new SimpleBooleanProperty(this, "started");
    private Runnable quit = Platform::exit;
    private Stage auditWindow;

    RegistryFlow(AppContext context, Stage owner) {
        this.context = context;
        this.owner = owner;
        this.i18n = context.i18n();
    }

    /** What happens when the user gives up at set-up or unlock (the application quits). */
    void setQuit(Runnable quit) {
        this.quit = quit;
    }

    BooleanProperty backupRunningProperty() {
        return backupRunning;
    }

    private Path registryFile() {
        return context.home().registryFile();
    }

    /** True while the registry flow has started and no registry is unlocked: the window shows it is locked. */
    javafx.beans.binding.BooleanBinding lockedOut() {
        return started.and(context.registryProperty().isNull());
    }

    /** At start, and whenever the registry is locked: set it up when there is none, else unlock it. */
    void start() {
        started.set(true);
        if (context.registry() != null) {
            return;
        }
        if (Registries.exists(registryFile())) {
            unlock();
        } else {
            setup();
        }
    }

    private void setup() {
        LOG.info("No registry yet: showing the set-up");
        Stage[] stage = new Stage[1];
        RegistrySetupView view = new RegistrySetupView(i18n, context.tasks(), registryFile(), context.kdfParams(),
                context.actor(), registry -> {
                    stage[0].close();
                    unlocked(registry);
                }, () -> {
                    stage[0].close();
                    quit.run();
                }, () -> {
                    stage[0].close();
                    restore();
                });
        stage[0] = Dialogs.modal(owner, i18n.text("registryui.setup.windowTitle"), view);
        stage[0].setOnCloseRequest(e -> {
            if (!view.closeRequested(quit)) {
                e.consume();
            }
        });
        stage[0].show();
    }

    private void unlock() {
        Stage[] stage = new Stage[1];
        UnlockView view = new UnlockView(i18n, context.tasks(), registryFile(), context.actor(), registry -> {
            stage[0].close();
            unlocked(registry);
        }, () -> {
            stage[0].close();
            quit.run();
        });
        stage[0] = Dialogs.modal(owner, i18n.text("registryui.unlock.windowTitle"), view);
        stage[0].setOnCloseRequest(e -> quit.run());
        stage[0].show();
    }

    private void unlocked(Registry registry) {
        context.setRegistry(registry);
    }

    /** File › Change passphrase. */
    void changePassphrase() {
        Registry registry = context.registry();
        if (registry == null) {
            return;
        }
        Stage[] stage = new Stage[1];
        stage[0] = Dialogs.modal(owner, i18n.text("registryui.change.windowTitle"),
                new ChangePassphraseView(i18n, context.tasks(), registry, () -> stage[0].close()));
        stage[0].show();
    }

    /** File › Back up registry: a consistent encrypted copy, written off the FX thread. */
    void backup() {
        Registry registry = context.registry();
        if (registry == null || backupRunning.get()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("registryui.backup.chooserTitle"));
        chooser.setInitialFileName("carnet-backup-" + LocalDate.now() + ".cbk");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.get("registryui.backup.filter"), "*.cbk"),
                new FileChooser.ExtensionFilter(i18n.get("registryui.backup.allFiles"), "*"));
        File f = chooser.showSaveDialog(owner);
        if (f != null) {
            backupTo(f.toPath());
        }
    }

    /** Writes a backup to {@code out} and says how it went. */
    void backupTo(Path out) {
        Registry registry = context.registry();
        if (registry == null || backupRunning.get()) {
            return;
        }
        if (out.toAbsolutePath().normalize().equals(registryFile().toAbsolutePath().normalize())) {
            alert(Alert.AlertType.ERROR, "backupResult", "registryui.backup.failedTitle",
                    i18n.get("registryui.backup.sameFile"));
            return;
        }
        backupRunning.set(true);
        LOG.info("Backing up the registry");
        context.tasks().run("registry-backup", progress -> {
            registry.backup(out);
            return out;
        }, path -> {
            backupRunning.set(false);
            LOG.info("Registry backed up");
            alert(Alert.AlertType.INFORMATION, "backupResult", "registryui.backup.doneTitle",
                    i18n.get("registryui.backup.done", path.toString()));
        }, error -> {
            backupRunning.set(false);
            String text = error instanceof AppException ae ? i18n.describe(ae) : i18n.get("registryui.error.unexpected");
            if (!(error instanceof AppException)) {
                LOG.error("Backup failed unexpectedly", error);
            }
            alert(Alert.AlertType.ERROR, "backupResult", "registryui.backup.failedTitle", text);
        });
    }

    /** File › Restore from backup (also offered by the first-run set-up). */
    void restore() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("registryui.restore.chooserTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.get("registryui.backup.filter"), "*.cbk"),
                new FileChooser.ExtensionFilter(i18n.get("registryui.backup.allFiles"), "*"));
        File f = chooser.showOpenDialog(owner);
        if (f == null) {
            start();
            return;
        }
        restoreFrom(f.toPath());
    }

    void restoreFrom(Path backup) {
        if (backup.toAbsolutePath().normalize().equals(registryFile().toAbsolutePath().normalize())) {
            alert(Alert.AlertType.ERROR, "restoreResult", "registryui.restore.failedTitle",
                    i18n.get("registryui.restore.sameFile"));
            start();
            return;
        }
        Stage[] stage = new Stage[1];
        RestoreView view = new RestoreView(i18n, context.tasks(), backup, registryFile(),
                Files.exists(registryFile()), context.actor(), this::detach, restored -> stage[0].close());
        stage[0] = Dialogs.modal(owner, i18n.text("registryui.restore.windowTitle"), view);
        stage[0].setOnCloseRequest(e -> {
            if (!view.closeRequested()) {
                e.consume();
            }
        });
        // Whatever happened (restored, failed after locking, cancelled at first run): a registry must be unlocked.
        stage[0].setOnHidden(e -> Platform.runLater(this::start));
        stage[0].show();
    }

    /** Hands the registry in use to the restore, which closes it off the FX thread. */
    private Registry detach() {
        if (auditWindow != null) {
            auditWindow.close();
            auditWindow = null;
        }
        LOG.info("Locking the registry for a restore");
        return context.detachRegistry();
    }

    /** File › Audit log: one window beside the main window. */
    void auditLog() {
        Registry registry = context.registry();
        if (registry == null) {
            return;
        }
        if (auditWindow != null && auditWindow.isShowing()) {
            auditWindow.toFront();
            return;
        }
        AuditLogView view = new AuditLogView(i18n, context.tasks(), registry);
        auditWindow = Dialogs.window(owner, i18n.text("auditui.windowTitle"), view);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        auditWindow.setWidth(Math.min(1180, screen.getWidth() - 40));
        auditWindow.setHeight(Math.min(680, screen.getHeight() - 40));
        auditWindow.setMinWidth(720);
        auditWindow.setMinHeight(400);
        Stage shown = auditWindow;
        ChangeListener<Registry> closeWhenLocked = (o, a, b) -> {
            if (b != registry) {
                shown.close();
            }
        };
        context.registryProperty().addListener(closeWhenLocked);
        shown.setOnHidden(e -> context.registryProperty().removeListener(closeWhenLocked));
        auditWindow.show();
    }

    private void alert(Alert.AlertType type, String id, String titleKey, String text) {
        Alert alert = new Alert(type, text, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(i18n.get(titleKey));
        alert.setHeaderText(i18n.get(titleKey));
        alert.getDialogPane().setId(id);
        alert.getDialogPane().getStylesheets().add(Theme.stylesheet());
        alert.getDialogPane().setMinWidth(480);
        alert.show();
    }
}
