package org.carnet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.settings.AppHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The registry wired into the real main window: set-up or unlock at start, menus, status, backup and restore. */
@ExtendWith(ApplicationExtension.class)
class RegistryFlowTest {
    private static final String PASS = "mango river blue bicycle";

    private Path home;
    private AppContext context;
    private MainWindow window;
    private boolean quit;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("carnet-flow");
        context = AppContext.create(AppHome.at(home), Locale.ENGLISH);
        context.setKdfParams(Argon2Kdf::forTests);
        window = new MainWindow(context, stage);
        window.build();
        window.registryFlow().setQuit(() -> quit = true);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> context.close());
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuItem fileItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        return bar.getMenus().get(0).getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private String status(FxRobot robot) {
        return robot.lookup("#statusRegistry").queryAs(Label.class).getText();
    }

    private void setText(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(PasswordField.class).setText(text));
    }

    @Test
    void firstRunSetsUpTheRegistryThenEnablesTheRegistryMenus(FxRobot robot) {
        assertEquals("Registry locked", status(robot));
        assertTrue(fileItem(robot, "menuAuditLog").isDisable());
        assertTrue(fileItem(robot, "menuBackup").isDisable());

        robot.interact(() -> window.registryFlow().start());
        assertTrue(robot.lookup("#setupView").tryQuery().isPresent(), "no registry yet: the set-up opens");
        setText(robot, "#setupPassphrase", PASS);
        setText(robot, "#setupConfirm", PASS);
        robot.clickOn("#setupCreate");
        waitUntil(() -> robot.lookup("#recoveryStored").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#recoveryStored").clickOn("#recoveryContinue");
        WaitForAsyncUtils.waitForFxEvents();

        assertNotNull(context.registry());
        assertTrue(Files.isRegularFile(home.resolve("registry.db")));
        assertEquals("Registry unlocked", status(robot));
        assertFalse(fileItem(robot, "menuAuditLog").isDisable());
        assertFalse(robot.lookup("#setupView").tryQuery().isPresent(), "the set-up window closed");

        robot.interact(() -> window.registryFlow().auditLog());
        assertTrue(robot.lookup("#auditTable").tryQuery().isPresent());
        assertFalse(quit);
    }

    @Test
    void anExistingRegistryAsksForThePassphraseAndQuitsWhenCancelled(FxRobot robot) throws Exception {
        Registries.create(home.resolve("registry.db"), PASS.toCharArray(), Argon2Kdf.forTests(), context.actor())
                .registry().close();
        robot.interact(() -> window.registryFlow().start());
        assertTrue(robot.lookup("#unlockView").tryQuery().isPresent());
        robot.clickOn("#unlockQuit");
        assertTrue(quit, "giving up at unlock quits");
        assertNull(context.registry());
    }

    @Test
    void restoringWithTheRecoveryKeySetsANewPassphrase(FxRobot robot) throws Exception {
        Registries.Created created = Registries.create(home.resolve("registry.db"), PASS.toCharArray(),
                Argon2Kdf.forTests(), context.actor());
        robot.interact(() -> context.setRegistry(created.registry()));
        Path backup = Files.createTempDirectory("carnet-backup").resolve("backup.cbk");
        created.registry().backup(backup);

        robot.interact(() -> window.registryFlow().restoreFrom(backup));
        robot.clickOn("#restoreUseRecoveryKey");
        robot.interact(() -> robot.lookup("#restoreRecoveryKey").queryTextInputControl()
                .setText(created.recoveryKey().display()));
        setText(robot, "#restoreNewPassphrase", "orange canoe quiet meadow");
        setText(robot, "#restoreConfirm", "orange canoe quiet meadow");
        robot.clickOn("#restoreButton");
        waitUntil(() -> robot.lookup("#restoreContinue").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#restoreContinue");
        WaitForAsyncUtils.waitForFxEvents();

        setText(robot, "#unlockPassphrase", "orange canoe quiet meadow");
        robot.clickOn("#unlockButton");
        waitUntil(() -> context.registry() != null);
        assertEquals("Registry unlocked", status(robot));
    }

    @Test
    void backupThenRestoreLocksAndUnlocksTheRestoredRegistry(FxRobot robot) throws Exception {
        Registry first = Registries.create(home.resolve("registry.db"), PASS.toCharArray(), Argon2Kdf.forTests(),
                context.actor()).registry();
        robot.interact(() -> context.setRegistry(first));
        Path backup = Files.createTempDirectory("carnet-backup").resolve("backup.db");
        robot.interact(() -> window.registryFlow().backupTo(backup));
        waitUntil(() -> !window.registryFlow().backupRunningProperty().get());
        assertTrue(Files.isRegularFile(backup), "backup written");
        assertTrue(robot.lookup("#backupResult").tryQuery().isPresent(), "the result is shown");
        robot.interact(() -> robot.lookup("#backupResult").query().getScene().getWindow().hide());

        robot.interact(() -> window.registryFlow().restoreFrom(backup));
        assertTrue(robot.lookup("#restoreView").tryQuery().isPresent());
        setText(robot, "#restorePassphrase", PASS);
        robot.clickOn("#restoreButton");
        waitUntil(() -> robot.lookup("#restoreContinue").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertNull(context.registry(), "the registry in use was locked for the restore");
        assertEquals("Registry locked", status(robot));
        robot.clickOn("#restoreContinue");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#unlockView").tryQuery().isPresent(), "the restored registry is unlocked next");
        setText(robot, "#unlockPassphrase", PASS);
        robot.clickOn("#unlockButton");
        waitUntil(() -> context.registry() != null);
        assertNotSame(first, context.registry());
        assertEquals("Registry unlocked", status(robot));
    }
}
