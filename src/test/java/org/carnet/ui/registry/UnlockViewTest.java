package org.carnet.ui.registry;

import static org.carnet.ui.registry.RegistryUiTestSupport.ACTOR;
import static org.carnet.ui.registry.RegistryUiTestSupport.GOOD;
import static org.carnet.ui.registry.RegistryUiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.crypto.RecoveryKey;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.uikit.I18n;
import org.carnet.uikit.MessageLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Unlock at start: the right passphrase opens the registry, a wrong one is refused in the dialog. */
@ExtendWith(ApplicationExtension.class)
class UnlockViewTest {
    private Path file;
    private ExecutorService executor;
    private I18n i18n;
    private UnlockView view;
    private RecoveryKey recoveryKey;
    private final AtomicReference<Registry> unlocked = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        file = Files.createTempDirectory("carnet-unlock").resolve("registry.db");
        Registries.Created c = Registries.create(file, GOOD.toCharArray(), Argon2Kdf.forTests(), ACTOR);
        c.registry().close();
        recoveryKey = c.recoveryKey();
        executor = RegistryUiTestSupport.executor();
        i18n = new I18n(Locale.ENGLISH);
        view = new UnlockView(i18n, RegistryUiTestSupport.tasks(executor), file, ACTOR, unlocked::set, () -> { });
        RegistryUiTestSupport.show(stage, view);
    }

    @AfterEach
    void close() {
        Registry r = unlocked.get();
        if (r != null) {
            r.close();
        }
        executor.shutdownNow();
    }

    @Test
    void theRightPassphraseUnlocks(FxRobot robot) {
        assertTrue(robot.lookup("#unlockButton").queryButton().isDisabled(), "nothing typed yet");
        robot.clickOn("#unlockPassphrase").write(GOOD);
        robot.clickOn("#unlockButton");
        waitUntil(() -> unlocked.get() != null);
        assertNotNull(unlocked.get());
        assertEquals("", robot.lookup("#unlockPassphrase").queryAs(PasswordField.class).getText(), "field wiped");
    }

    @Test
    void aWrongPassphraseIsRefusedInTheDialog(FxRobot robot) {
        PasswordField field = robot.lookup("#unlockPassphrase").queryAs(PasswordField.class);
        robot.interact(() -> field.setText("not the right passphrase"));
        robot.clickOn("#unlockButton");
        Label message = robot.lookup("#unlockMessage").queryAs(Label.class);
        waitUntil(() -> !message.getText().isEmpty());
        assertEquals(i18n.get("registryui.unlock.wrong"), message.getText());
        assertEquals(MessageLine.Kind.ERROR, ((MessageLine) message).kind());
        assertEquals("", field.getText(), "the field is cleared for the next try");
        assertNull(unlocked.get());
        assertTrue(robot.lookup("#unlockView").tryQuery().isPresent(), "the dialog stays");

        robot.interact(() -> field.setText(GOOD));
        robot.clickOn("#unlockButton");
        waitUntil(() -> unlocked.get() != null);
    }

    @Test
    void theRecoveryKeyUnlocksAndSetsANewPassphrase(FxRobot robot) {
        robot.clickOn("#unlockUseRecovery");
        assertEquals(UnlockView.Mode.RECOVERY_KEY, view.mode());
        robot.interact(() -> {
            robot.lookup("#unlockRecoveryKey").queryTextInputControl().setText("ABCD-EFGH");
            robot.lookup("#recoveryNewPassphrase").queryAs(PasswordField.class).setText("orange canoe quiet meadow");
            robot.lookup("#recoveryConfirm").queryAs(PasswordField.class).setText("orange canoe quiet meadow");
        });
        robot.clickOn("#recoveryUnlock");
        assertEquals(i18n.get("registryui.unlock.recoveryKeyLength", 8),
                robot.lookup("#recoveryUnlockMessage").queryAs(Label.class).getText(), "a short key is explained");

        robot.interact(() -> robot.lookup("#unlockRecoveryKey").queryTextInputControl()
                .setText(recoveryKey.display().toLowerCase(Locale.ROOT)));
        robot.clickOn("#recoveryUnlock");
        waitUntil(() -> unlocked.get() != null);
        unlocked.get().close();
        unlocked.set(null);

        // The new passphrase now opens the registry; the old one does not.
        assertTrue(opens("orange canoe quiet meadow"));
    }

    private boolean opens(String passphrase) {
        try (Registry r = Registries.open(file, passphrase.toCharArray(), ACTOR)) {
            return r != null;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void repeatedWrongPassphrasesDisableTheButtonWithACountdown(FxRobot robot) {
        PasswordField field = robot.lookup("#unlockPassphrase").queryAs(PasswordField.class);
        MessageLine message = robot.lookup("#unlockMessage").queryAs(MessageLine.class);
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> field.setText("wrong passphrase number one"));
            robot.clickOn("#unlockButton");
            waitUntil(() -> message.kind() != null && field.getText().isEmpty() && !field.isDisabled());
        }
        // The core now asks to wait: the view says so, counts down, and keeps the button disabled meanwhile.
        waitUntil(() -> view.secondsLeft() > 0);
        assertEquals(MessageLine.Kind.WARNING, message.kind());
        assertTrue(message.getText().startsWith("Too many wrong attempts"), message.getText());
        robot.interact(() -> field.setText(GOOD));
        assertTrue(robot.lookup("#unlockButton").queryButton().isDisabled(), "disabled while the countdown runs");
        waitUntil(() -> view.secondsLeft() == 0);
        assertEquals(i18n.get("registryui.unlock.tryAgain"), message.getText());
        robot.clickOn("#unlockButton");
        waitUntil(() -> unlocked.get() != null);
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("45 s", UnlockView.duration(i18n, 45));
        assertEquals("2 min 05 s", UnlockView.duration(i18n, 125));
    }
}
