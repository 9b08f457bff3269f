package org.carnet.ui.registry;

import static org.carnet.ui.registry.RegistryUiTestSupport.ACTOR;
import static org.carnet.ui.registry.RegistryUiTestSupport.GOOD;
import static org.carnet.ui.registry.RegistryUiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.carnet.core.crypto.Argon2Kdf;
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

/** File › Change passphrase: a wrong current passphrase changes nothing; a right one re-wraps the key. */
@ExtendWith(ApplicationExtension.class)
class ChangePassphraseViewTest {
    private static final String NEXT = "orange canoe quiet meadow";
    private Path file;
    private Registry registry;
    private ExecutorService executor;
    private I18n i18n;

    @Start
    void start(Stage stage) throws Exception {
        file = Files.createTempDirectory("carnet-change").resolve("registry.db");
        registry = Registries.create(file, GOOD.toCharArray(), Argon2Kdf.forTests(), ACTOR).registry();
        executor = RegistryUiTestSupport.executor();
        i18n = new I18n(Locale.ENGLISH);
        RegistryUiTestSupport.show(stage, new ChangePassphraseView(i18n, RegistryUiTestSupport.tasks(executor),
                registry, () -> { }));
    }

    @AfterEach
    void close() {
        registry.close();
        executor.shutdownNow();
    }

    private void set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(PasswordField.class).setText(text));
    }

    @Test
    void changesThePassphraseOnlyWithTheRightCurrentOne(FxRobot robot) throws Exception {
        MessageLine message = robot.lookup("#changeMessage").queryAs(MessageLine.class);
        set(robot, "#changeNew", NEXT);
        set(robot, "#changeConfirm", NEXT);
        assertTrue(robot.lookup("#changeSubmit").queryButton().isDisabled(), "the current passphrase is required");

        set(robot, "#changeCurrent", "this is not the passphrase");
        robot.clickOn("#changeSubmit");
        waitUntil(() -> message.kind() != null);
        assertEquals(i18n.get("registryui.change.wrongCurrent"), message.getText());

        set(robot, "#changeCurrent", NEXT);
        robot.clickOn("#changeSubmit");
        assertEquals(i18n.get("registryui.change.same"), message.getText(), "same as the new one: refused at once");

        set(robot, "#changeCurrent", GOOD);
        robot.clickOn("#changeSubmit");
        waitUntil(() -> message.kind() == MessageLine.Kind.SUCCESS);
        assertFalse(robot.lookup("#changeSubmit").query().isVisible());
        assertEquals("Close", robot.lookup("#changeCancel").queryButton().getText());
        registry.close();
        Registries.open(file, NEXT.toCharArray(), ACTOR).close();
    }
}
