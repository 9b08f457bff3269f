package org.carnet.ui.registry;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.carnet.core.common.AppException;
import org.carnet.core.crypto.RecoveryKey;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.UnlockThrottledException;
import org.carnet.core.registry.WrongPassphraseException;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.LanguageSwitch;
import org.carnet.uikit.MessageLine;
import org.carnet.uikit.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unlocks the registry at start: the passphrase, or the recovery key plus a new passphrase. Unlocking runs off the FX
 * thread; a wrong passphrase changes nothing; after repeated failures the button waits out the core's throttle with
 * a live countdown.
 */
public final class UnlockView extends StackPane {
    private static final Logger LOG = LoggerFactory.getLogger(UnlockView.class);

    /** Which way of unlocking is shown. */
    public enum Mode { PASSPHRASE, RECOVERY_KEY }

    private final I18n i18n;
    private final TaskRunner tasks;
    private final Path registryFile;
    private final AuditActor actor;
    private final Consumer<Registry> onUnlocked;

    private final PasswordField passphrase = new PasswordField();
    private final MessageLine message;
    private final TextField recoveryKey = new TextField();
    private final NewPassphraseFields newPassphrase;
    private final MessageLine recoveryMessage;
    private final VBox passphrasePage;
    private final VBox recoveryPage;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final LongProperty secondsLeft = new SimpleLongProperty(this, "secondsLeft");
    private final BooleanProperty capsLock = new SimpleBooleanProperty(this, "capsLock");
    private Timeline countdown;
    private Mode mode = Mode.PASSPHRASE;

    /**
     * @param onUnlocked receives the unlocked registry (FX thread)
     * @param onQuit     the user gives up: the application quits
     */
    public UnlockView(I18n i18n, TaskRunner tasks, Path registryFile, AuditActor actor, Consumer<Registry> onUnlocked,
            Runnable onQuit) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.registryFile = registryFile;
        this.actor = actor;
        this.onUnlocked = onUnlocked;
        setId("unlockView");
        getStyleClass().add("registry-dialog");

        // ---- With the passphrase ----
        passphrase.setId("unlockPassphrase");
        passphrase.promptTextProperty().bind(i18n.text("registryui.unlock.prompt"));
        passphrase.disableProperty().bind(busy);
        passphrase.setOnKeyReleased(e -> updateCapsLock());
        passphrase.focusedProperty().addListener((o, a, b) -> updateCapsLock());
        Label passLabel = Forms.text(i18n, "registryui.unlock.passphrase", "form-label");
        passLabel.setLabelFor(passphrase);
        Label caps = Forms.text(i18n, "registryui.unlock.capsLock", "form-warning");
        caps.setId("unlockCapsLock");
        caps.visibleProperty().bind(capsLock);
        caps.managedProperty().bind(capsLock);
        message = new MessageLine(i18n);
        message.setId("unlockMessage");

        Button unlock = Forms.button(i18n, "unlockButton", "registryui.unlock.button", true);
        unlock.disableProperty().bind(busy.or(passphrase.textProperty().isEmpty()).or(secondsLeft.greaterThan(0)));
        unlock.setOnAction(e -> unlockWithPassphrase());
        passphrase.setOnAction(e -> {
            if (!unlock.isDisabled()) {
                unlockWithPassphrase();
            }
        });
        Button quit = Forms.button(i18n, "unlockQuit", "registryui.quit", false);
        quit.setCancelButton(true);
        quit.setOnAction(e -> onQuit.run());
        Hyperlink useRecovery = new Hyperlink();
        useRecovery.setId("unlockUseRecovery");
        useRecovery.textProperty().bind(i18n.text("registryui.unlock.useRecovery"));
        useRecovery.setOnAction(e -> setMode(Mode.RECOVERY_KEY));
        useRecovery.disableProperty().bind(busy);

        VBox field = new VBox(6, passLabel, passphrase, caps);
        passphrasePage = Forms.page(
                Forms.header(i18n, Icons.LOCK, "registryui.unlock.title", "registryui.unlock.subtitle",
                        new LanguageSwitch(i18n, "unlockLanguage")),
                field, useRecovery, message,
                Forms.buttonBar(null, spinner(), quit, unlock),
                Forms.text(i18n, "registryui.unlock.location", "form-hint", registryFile.toString()));

        // ---- With the recovery key ----
        recoveryKey.setId("unlockRecoveryKey");
        recoveryKey.getStyleClass().add("recovery-key-input");
        recoveryKey.promptTextProperty().bind(i18n.text("registryui.unlock.recoveryKeyPrompt"));
        recoveryKey.disableProperty().bind(busy);
        newPassphrase = new NewPassphraseFields(i18n, "passphraseui.new", "recoveryNewPassphrase", "recoveryConfirm");
        newPassphrase.prepend(i18n, "registryui.unlock.recoveryKey", recoveryKey);
        newPassphrase.passphraseField().disableProperty().bind(busy);
        newPassphrase.confirmField().disableProperty().bind(busy);
        recoveryMessage = new MessageLine(i18n);
        recoveryMessage.setId("recoveryUnlockMessage");
        Button recoveryUnlock = Forms.button(i18n, "recoveryUnlock", "registryui.unlock.recoveryButton", true);
        recoveryUnlock.disableProperty().bind(busy.or(recoveryKey.textProperty().isEmpty())
                .or(newPassphrase.validProperty().not()).or(secondsLeft.greaterThan(0)));
        recoveryUnlock.setOnAction(e -> unlockWithRecoveryKey());
        Button quit2 = Forms.button(i18n, "recoveryQuit", "registryui.quit", false);
        quit2.setCancelButton(true);
        quit2.setOnAction(e -> onQuit.run());
        Hyperlink usePassphrase = new Hyperlink();
        usePassphrase.setId("unlockUsePassphrase");
        usePassphrase.textProperty().bind(i18n.text("registryui.unlock.usePassphrase"));
        usePassphrase.setOnAction(e -> setMode(Mode.PASSPHRASE));
        usePassphrase.disableProperty().bind(busy);
        recoveryPage = Forms.page(
                Forms.header(i18n, Icons.KEY, "registryui.unlock.recoveryTitle", "registryui.unlock.recoverySubtitle",
                        new LanguageSwitch(i18n, "recoveryLanguage")),
                newPassphrase, usePassphrase, recoveryMessage,
                Forms.buttonBar(null, spinner(), quit2, recoveryUnlock));

        getChildren().add(passphrasePage);
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                Platform.runLater(passphrase::requestFocus);
            }
        });
        checkThrottle();
    }

    private Node spinner() {
        ProgressIndicator p = new ProgressIndicator();
        p.setPrefSize(22, 22);
        p.setMaxSize(22, 22);
        p.visibleProperty().bind(busy);
        p.managedProperty().bind(busy);
        p.getStyleClass().add("inline-progress");
        return p;
    }

    public Mode mode() {
        return mode;
    }

    public void setMode(Mode m) {
        mode = m;
        getChildren().setAll(m == Mode.PASSPHRASE ? passphrasePage : recoveryPage);
        Platform.runLater(m == Mode.PASSPHRASE ? passphrase::requestFocus : recoveryKey::requestFocus);
        MessageLine.fitWindow(this);
    }

    private void updateCapsLock() {
        try {
            capsLock.set(passphrase.isFocused() && Platform.isKeyLocked(KeyCode.CAPS).orElse(false));
        } catch (RuntimeException e) {
            capsLock.set(false);
        }
    }

    /** A previous session may have left the throttle running: ask the core (it reads the file) off the FX thread. */
    private void checkThrottle() {
        tasks.run("unlock-throttle", progress -> Registries.secondsBeforeNextAttempt(registryFile), seconds -> {
            if (seconds != null && seconds > 0) {
                startCountdown(seconds);
            }
        }, error -> LOG.warn("Unlock throttle not readable: {}", error.getClass().getSimpleName()));
    }

    private void unlockWithPassphrase() {
        if (busy.get() || passphrase.getLength() == 0 || secondsLeft.get() > 0) {
            return;
        }
        char[] secret = NewPassphraseFields.chars(passphrase);
        busy.set(true);
        message.clear();
        tasks.run("registry-unlock", progress -> {
            try {
                return Registries.open(registryFile, secret, actor);
            } finally {
                NewPassphraseFields.wipe(secret);
            }
        }, this::unlocked, error -> failed(error, message, passphrase));
    }

    private void unlockWithRecoveryKey() {
        if (busy.get() || secondsLeft.get() > 0 || !newPassphrase.validProperty().get()) {
            return;
        }
        RecoveryKey key;
        try {
            key = RecoveryKey.parse(recoveryKey.getText());
        } catch (IllegalArgumentException e) {
            int n = significantCharacters(recoveryKey.getText());
            if (n != 56) {
                recoveryMessage.show(MessageLine.Kind.ERROR, "registryui.unlock.recoveryKeyLength", n);
            } else {
                recoveryMessage.show(MessageLine.Kind.ERROR, "registryui.unlock.recoveryKeyTypo");
            }
            recoveryKey.requestFocus();
            return;
        }
        char[] next = newPassphrase.passphrase();
        busy.set(true);
        recoveryMessage.clear();
        tasks.run("registry-recover", progress -> {
            try {
                return Registries.openWithRecoveryKey(registryFile, key, next, actor);
            } finally {
                NewPassphraseFields.wipe(next);
                key.destroy();
            }
        }, registry -> {
            LOG.info("Registry unlocked with the recovery key; passphrase replaced");
            newPassphrase.clear();
            unlocked(registry);
        }, error -> failed(error, recoveryMessage, recoveryKey));
    }

    /** Letters and digits typed, dashes and spaces left out (what the core counts). */
    static int significantCharacters(String s) {
        int n = 0;
        for (char c : s.toCharArray()) {
            if (c != '-' && !Character.isWhitespace(c)) {
                n++;
            }
        }
        return n;
    }

    private void unlocked(Registry registry) {
        busy.set(false);
        passphrase.clear();
        stopCountdown();
        LOG.info("Registry unlocked");
        onUnlocked.accept(registry);
    }

    private void failed(Throwable error, MessageLine line, TextInputControl field) {
        busy.set(false);
        if (error instanceof WrongPassphraseException) {
            LOG.info("Unlock refused: wrong {}", mode == Mode.PASSPHRASE ? "passphrase" : "recovery key");
            line.show(MessageLine.Kind.ERROR, mode == Mode.PASSPHRASE ? "registryui.unlock.wrong"
                    : "registryui.unlock.wrongRecoveryKey");
            if (mode == Mode.PASSPHRASE) {
                field.clear();
            }
            field.requestFocus();
            checkThrottle();
        } else if (error instanceof UnlockThrottledException t) {
            LOG.info("Unlock throttled for {} s", t.secondsToWait());
            startCountdown(t.secondsToWait());
        } else if (error instanceof AppException e) {
            LOG.warn("Unlock failed: {} ({})", e.messageKey(), e.getClass().getSimpleName());
            line.show(MessageLine.Kind.ERROR, e);
        } else {
            LOG.error("Unlock failed unexpectedly", error);
            line.show(MessageLine.Kind.ERROR, "registryui.error.unexpected");
        }
    }

    private void startCountdown(long seconds) {
        stopCountdown();
        secondsLeft.set(seconds);
        StringBinding left = Bindings.createStringBinding(() -> duration(i18n, secondsLeft.get()), secondsLeft,
                i18n.localeProperty());
        MessageLine line = mode == Mode.PASSPHRASE ? message : recoveryMessage;
        line.show(MessageLine.Kind.WARNING, "registryui.unlock.throttled", left);
        countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            secondsLeft.set(Math.max(0, secondsLeft.get() - 1));
            if (secondsLeft.get() == 0) {
                stopCountdown();
                line.show(MessageLine.Kind.INFO, "registryui.unlock.tryAgain");
                (mode == Mode.PASSPHRASE ? passphrase : recoveryKey).requestFocus();
            }
        }));
        countdown.setCycleCount(Animation.INDEFINITE);
        countdown.play();
    }

    private void stopCountdown() {
        if (countdown != null) {
            countdown.stop();
            countdown = null;
        }
    }

    /** Seconds left, said naturally: “45 s”, “2 min 05 s”. */
    static String duration(I18n i18n, long seconds) {
        if (seconds < 60) {
            return i18n.get("registryui.duration.seconds", seconds);
        }
        return i18n.get("registryui.duration.minutes", seconds / 60, String.format(Locale.ROOT, "%02d", seconds % 60));
    }

    /** Seconds before the button is enabled again (0 when not throttled). */
    public long secondsLeft() {
        return secondsLeft.get();
    }
}
