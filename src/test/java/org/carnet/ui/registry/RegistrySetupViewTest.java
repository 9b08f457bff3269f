package org.carnet.ui.registry;

import static org.carnet.ui.registry.RegistryUiTestSupport.ACTOR;
import static org.carnet.ui.registry.RegistryUiTestSupport.GOOD;
import static org.carnet.ui.registry.RegistryUiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.crypto.RecoveryKey;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.uikit.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** First-run set-up: the Create button, creating a registry for real, the recovery key page. */
@ExtendWith(ApplicationExtension.class)
class RegistrySetupViewTest {
    private Path dir;
    private Path file;
    private ExecutorService executor;
    private I18n i18n;
    private RegistrySetupView view;
    private final AtomicReference<Registry> created = new AtomicReference<>();
    private boolean quit;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("carnet-setup");
        file = dir.resolve("registry.db");
        executor = RegistryUiTestSupport.executor();
        i18n = new I18n(Locale.ENGLISH);
        view = new RegistrySetupView(i18n, RegistryUiTestSupport.tasks(executor), file, Argon2Kdf::forTests, ACTOR,
                created::set, () -> quit = true, null);
        RegistryUiTestSupport.show(stage, view);
    }

    @AfterEach
    void close() {
        Registry r = created.get();
        if (r != null) {
            r.close();
        }
        executor.shutdownNow();
    }

    private Button create(FxRobot robot) {
        return robot.lookup("#setupCreate").queryButton();
    }

    private void type(FxRobot robot, String id, String text) {
        PasswordField f = robot.lookup(id).queryAs(PasswordField.class);
        robot.interact(() -> f.setText(text));
    }

    @Test
    void createIsEnabledOnlyForAnAcceptableMatchingPassphrase(FxRobot robot) {
        assertTrue(create(robot).isDisabled(), "nothing typed");
        String reason = robot.lookup("#setupPassphraseStrengthReason").queryAs(Label.class).getText();
        assertEquals(i18n.get("passphrase.reason.empty"), reason);

        robot.clickOn("#setupPassphrase").write("short");
        robot.clickOn("#setupConfirm").write("short");
        assertTrue(create(robot).isDisabled(), "too short");
        assertEquals(i18n.get("passphrase.reason.tooShort"),
                robot.lookup("#setupPassphraseStrengthReason").queryAs(Label.class).getText());

        type(robot, "#setupPassphrase", "aaaaaaaaaaaa");
        type(robot, "#setupConfirm", "aaaaaaaaaaaa");
        assertTrue(create(robot).isDisabled(), "long but trivially weak");

        type(robot, "#setupPassphrase", GOOD);
        type(robot, "#setupConfirm", GOOD + "x");
        assertTrue(create(robot).isDisabled(), "strong but the confirmation differs");
        assertEquals(i18n.get("passphraseui.mismatch"),
                robot.lookup("#setupConfirmMatch").queryAs(Label.class).getText());

        type(robot, "#setupConfirm", GOOD);
        assertFalse(create(robot).isDisabled(), "strong and confirmed");
        assertEquals(i18n.get("passphraseui.match"), robot.lookup("#setupConfirmMatch").queryAs(Label.class).getText());

        robot.interact(() -> i18n.setLocale(Locale.FRENCH));
        assertEquals("Créer le registre", create(robot).getText(), "relabelled live");
    }

    @Test
    void createsTheRegistryOffTheFxThreadAndShowsAParsableRecoveryKey(FxRobot robot) {
        type(robot, "#setupPassphrase", GOOD);
        type(robot, "#setupConfirm", GOOD);
        robot.clickOn("#setupCreate");
        waitUntil(() -> view.step() == RegistrySetupView.Step.RECOVERY_KEY);

        assertTrue(Registries.exists(file));
        String shown = robot.lookup("#recoveryKeyText").queryAs(Label.class).getText();
        assertFalse(shown.isBlank());
        assertDoesNotThrow(() -> RecoveryKey.parse(shown), "the key shown is a valid recovery key");
        assertTrue(shown.matches("(?s)[0-9A-Z-]+\\n[0-9A-Z-]+"), "two lines of groups: " + shown.length());

        Button cont = robot.lookup("#recoveryContinue").queryButton();
        assertTrue(cont.isDisabled(), "continue waits for the confirmation");
        assertNull(created.get());
        robot.clickOn("#recoveryStored");
        assertTrue(robot.lookup("#recoveryStored").queryAs(CheckBox.class).isSelected());
        assertFalse(cont.isDisabled());
        robot.clickOn("#recoveryContinue");
        assertNotNull(created.get(), "the unlocked registry is handed over");
        assertEquals(RegistrySetupView.Step.DONE, view.step());
        assertEquals("", robot.lookup("#recoveryKeyText").queryAs(Label.class).getText(), "key no longer on screen");
        assertFalse(quit);
    }

    @Test
    void closingTheWindowBeforeTheKeyIsKeptIsRefused(FxRobot robot) {
        type(robot, "#setupPassphrase", GOOD);
        type(robot, "#setupConfirm", GOOD);
        robot.clickOn("#setupCreate");
        waitUntil(() -> view.step() == RegistrySetupView.Step.RECOVERY_KEY);
        boolean[] mayClose = new boolean[1];
        robot.interact(() -> mayClose[0] = view.closeRequested(() -> quit = true));
        assertFalse(mayClose[0]);
        assertFalse(quit);
        assertEquals(i18n.get("registryui.recovery.confirmFirst"),
                robot.lookup("#recoveryMessage").queryAs(Label.class).getText());
    }
}
