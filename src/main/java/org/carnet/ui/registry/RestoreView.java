package org.carnet.ui.registry;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.carnet.core.common.AppException;
import org.carnet.core.crypto.RecoveryKey;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.WrongPassphraseException;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.MessageLine;
import org.carnet.uikit.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File › Restore from backup: says what will happen to the registry in use (kept aside, never deleted), asks for the
 * passphrase that was current when the backup was made (or the recovery key), closes the registry in use and restores
 * off the FX thread. Afterwards the restored registry is unlocked like at start.
 */
public final class RestoreView extends VBox {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreView.class);

    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty done = new SimpleBooleanProperty(this, "done");
    private final BooleanProperty detached = new SimpleBooleanProperty(this, "detached");
    private final PasswordField passphrase = new PasswordField();
    private final TextField recoveryKey = new TextField();
    private final RadioButton usePassphrase = new RadioButton();
    private final MessageLine message;

    /**
     * @param detachCurrent on the FX thread, hands over the registry in use (or null) so it can be closed before
     *                      the file is replaced; the application then has no registry until it is unlocked again
     * @param onFinished    the window closes; {@code true} when a backup was restored
     */
    public RestoreView(I18n i18n, TaskRunner tasks, Path backup, Path target, boolean targetExists, AuditActor actor,
            Supplier<Registry> detachCurrent, java.util.function.Consumer<Boolean> onFinished) {
        setId("restoreView");
        getStyleClass().add("registry-dialog");

        message = new MessageLine(i18n);
        message.setId("restoreMessage");
        ToggleGroup how = new ToggleGroup();
        usePassphrase.setId("restoreUsePassphrase");
        usePassphrase.textProperty().bind(i18n.text("registryui.restore.withPassphrase"));
        usePassphrase.setToggleGroup(how);
        usePassphrase.setSelected(true);
        RadioButton useKey = new RadioButton();
        useKey.setId("restoreUseRecoveryKey");
        useKey.textProperty().bind(i18n.text("registryui.restore.withRecoveryKey"));
        useKey.setToggleGroup(how);
        passphrase.setId("restorePassphrase");
        passphrase.promptTextProperty().bind(i18n.text("registryui.restore.passphrasePrompt"));
        recoveryKey.setId("restoreRecoveryKey");
        recoveryKey.getStyleClass().add("recovery-key-input");
        recoveryKey.promptTextProperty().bind(i18n.text("registryui.unlock.recoveryKeyPrompt"));
        NewPassphraseFields newPassphrase = new NewPassphraseFields(i18n, "passphraseui.new", "restoreNewPassphrase",
                "restoreConfirm");
        newPassphrase.visibleProperty().bind(useKey.selectedProperty());
        newPassphrase.managedProperty().bind(newPassphrase.visibleProperty());
        Label newPassphraseNote = Forms.text(i18n, "registryui.restore.newPassphraseNote", "form-hint");
        newPassphraseNote.visibleProperty().bind(useKey.selectedProperty());
        newPassphraseNote.managedProperty().bind(newPassphraseNote.visibleProperty());
        passphrase.visibleProperty().bind(usePassphrase.selectedProperty());
        passphrase.managedProperty().bind(passphrase.visibleProperty());
        recoveryKey.visibleProperty().bind(useKey.selectedProperty());
        recoveryKey.managedProperty().bind(recoveryKey.visibleProperty());
        how.selectedToggleProperty().addListener((o, a, b) -> {
            message.clear();
            (b == usePassphrase ? passphrase : recoveryKey).requestFocus();
            MessageLine.fitWindow(this);
        });
        Label howLabel = Forms.text(i18n, "registryui.restore.how", "form-label");
        VBox secret = new VBox(8, howLabel, usePassphrase, passphrase, useKey, recoveryKey, newPassphraseNote, newPassphrase);
        secret.disableProperty().bind(busy);
        secret.visibleProperty().bind(done.not());
        secret.managedProperty().bind(secret.visibleProperty());

        Label lockedNote = Forms.text(i18n, "registryui.restore.lockedNote", "form-hint");
        lockedNote.setId("restoreLockedNote");
        lockedNote.visibleProperty().bind(detached.and(done.not()));
        lockedNote.managedProperty().bind(lockedNote.visibleProperty());

        Button restore = Forms.button(i18n, "restoreButton", "registryui.restore.button", true);
        restore.disableProperty().bind(busy.or(Bindings.when(usePassphrase.selectedProperty())
                .then(passphrase.textProperty().isEmpty())
                .otherwise(recoveryKey.textProperty().isEmpty().or(newPassphrase.validProperty().not()))));
        restore.visibleProperty().bind(done.not());
        restore.managedProperty().bind(restore.visibleProperty());
        Button cancel = Forms.button(i18n, "restoreCancel", "registryui.cancel", false);
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(busy);
        cancel.visibleProperty().bind(done.not());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> onFinished.accept(false));
        Button cont = Forms.button(i18n, "restoreContinue", "registryui.restore.continue", false);
        cont.getStyleClass().add("accent");
        cont.visibleProperty().bind(done);
        cont.managedProperty().bind(done);
        cont.setOnAction(e -> onFinished.accept(true));
        done.addListener((o, a, b) -> {
            cont.setDefaultButton(b);
            restore.setDefaultButton(!b);
        });
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.setMaxSize(22, 22);
        spinner.visibleProperty().bind(busy);
        spinner.managedProperty().bind(busy);

        restore.setOnAction(e -> {
            RecoveryKey key = null;
            char[] pass = null;
            char[] next = null;
            if (usePassphrase.isSelected()) {
                pass = NewPassphraseFields.chars(passphrase);
            } else {
                try {
                    key = RecoveryKey.parse(recoveryKey.getText());
                } catch (IllegalArgumentException ex) {
                    int n = UnlockView.significantCharacters(recoveryKey.getText());
                    if (n != 56) {
                        message.show(MessageLine.Kind.ERROR, "registryui.unlock.recoveryKeyLength", n);
                    } else {
                        message.show(MessageLine.Kind.ERROR, "registryui.unlock.recoveryKeyTypo");
                    }
                    return;
                }
                next = newPassphrase.passphrase();
            }
            Registry current = detached.get() ? null : detachCurrent.get();
            detached.set(true);
            busy.set(true);
            message.clear();
            char[] passphraseChars = pass;
            RecoveryKey recovery = key;
            char[] nextChars = next;
            LOG.info("Restoring the registry from a backup");
            tasks.run("registry-restore", progress -> {
                try {
                    if (current != null) {
                        current.close();
                    }
                    if (passphraseChars != null) {
                        return Registries.restore(backup, target, passphraseChars, actor);
                    }
                    // Like `carnet restore --recovery-key`: whoever needs the recovery key does not know the
                    // backup's passphrase, so a new one is set at once.
                    Path aside = Registries.restore(backup, target, recovery, actor);
                    Registries.openWithRecoveryKey(target, recovery, nextChars, actor).close();
                    return aside;
                } finally {
                    NewPassphraseFields.wipe(passphraseChars);
                    NewPassphraseFields.wipe(nextChars);
                    if (recovery != null) {
                        recovery.destroy();
                    }
                }
            }, aside -> {
                busy.set(false);
                done.set(true);
                passphrase.clear();
                recoveryKey.clear();
                newPassphrase.clear();
                LOG.info("Registry restored from a backup");
                String done = passphraseChars != null ? "registryui.restore.done" : "registryui.restore.doneRecovery";
                if (aside != null) {
                    message.show(MessageLine.Kind.SUCCESS, done + "Aside", aside.toString());
                } else {
                    message.show(MessageLine.Kind.SUCCESS, done);
                }
                cont.requestFocus();
                MessageLine.fitWindow(this);
            }, error -> {
                busy.set(false);
                if (error instanceof WrongPassphraseException) {
                    message.show(MessageLine.Kind.ERROR, passphraseChars != null ? "registryui.restore.wrongPassphrase"
                            : "registryui.unlock.wrongRecoveryKey");
                    passphrase.clear();
                } else if (error instanceof AppException ae) {
                    LOG.warn("Restore failed: {}", ae.messageKey());
                    message.show(MessageLine.Kind.ERROR, ae);
                } else {
                    LOG.error("Restore failed unexpectedly", error);
                    message.show(MessageLine.Kind.ERROR, "registryui.error.unexpected");
                }
            });
        });

        javafx.scene.Node warning = Forms.callout(i18n, Icons.WARNING, targetExists ? "registryui.restore.warning"
                : "registryui.restore.warningFirst", "callout-warning");
        warning.visibleProperty().bind(done.not());
        warning.managedProperty().bind(warning.visibleProperty());
        Label file = Forms.text(i18n, "registryui.restore.file", "form-hint", backup.toString());
        file.setId("restoreFile");
        VBox page = Forms.page(
                Forms.header(i18n, Icons.SYNC, "registryui.restore.title", "registryui.restore.subtitle", null),
                file,
                warning,
                secret, message, lockedNote,
                Forms.buttonBar(null, spinner, cancel, restore, cont));
        getChildren().add(page);
    }

    /** May the window close now? Not while the restore runs. */
    public boolean closeRequested() {
        return !busy.get();
    }

    /** Did this window close the registry that was in use? */
    public boolean detachedCurrent() {
        return detached.get();
    }
}
