package org.carnet.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.carnet.core.connection.ConnectionService;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.dhis2.internal.FixtureServer;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.uikit.FxTaskRunner;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Connection tab driven like a person would: success and save, wrong password, unreachable, self-signed. */
@ExtendWith(ApplicationExtension.class)
class ConnectionViewTest {
    ExecutorService executor;
    Registry registry;
    I18n i18n;
    ConnectionView view;
    FixtureServer server;

    @Start
    void start(Stage stage) throws Exception {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-io");
            t.setDaemon(true);
            return t;
        });
        Path file = Files.createTempDirectory("carnet-connection").resolve("registry.db");
        registry = Registries.create(file, "mango river blue bicycle".toCharArray(), Argon2Kdf.forTests(),
                new AuditActor("tester", AuditActor.Channel.GUI)).registry();
        i18n = new I18n(Locale.ENGLISH);
        view = new ConnectionView(i18n, tab -> { }, new FxTaskRunner(executor),
                new SimpleObjectProperty<>(registry), new ConnectionService(), null);
        Scene scene = new Scene(view, 1200, 760);
        Theme.apply(scene);
        stage.setResizable(true);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        registry.close();
        executor.shutdownNow();
    }

    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    void fill(FxRobot robot, String url, String user, String password) {
        robot.clickOn("#connectionUrl").write(url);
        robot.clickOn("#connectionUsername").write(user);
        robot.clickOn("#connectionPassword").write(password);
    }

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aSuccessfulTestShowsTheServerAndProgramsAndSavesThemEncrypted(FxRobot robot) throws Exception {
        server = new FixtureServer("2.41.0.1");
        assertTrue(robot.lookup("#connectionTest").queryAs(Button.class).isDisabled(), "nothing to test yet");
        fill(robot, server.url() + "api/", "admin", FixtureServer.PASSWORD);
        assertTrue(text(robot, "#connectionUrlHint").contains(server.url().replaceAll("/$", "")),
                "the normalised address is shown");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#connectionResult").query().isVisible());
        assertEquals("2.41.0.1", text(robot, "#connectionVersion"));
        assertTrue(text(robot, "#connectionServerDate").startsWith("2024-07-26T18:01:27.683"));
        assertTrue(text(robot, "#connectionUser").contains("android"));
        assertEquals("2", text(robot, "#connectionProgramCount"));
        TableView<?> programs = robot.lookup("#connectionPrograms").queryAs(TableView.class);
        assertEquals(2, programs.getItems().size());
        assertEquals(2, robot.lookup("#connectionAttributes").queryAs(TableView.class).getItems().size(),
                "the first program's attributes are shown");

        robot.clickOn("#connectionSave");
        waitUntil(() -> view.viewModel().savedProperty().get());
        ConnectionStore store = new ConnectionStore(registry);
        assertEquals(server.url().replaceAll("/$", ""), store.profile(ConnectionStore.DEFAULT_ID).orElseThrow()
                .baseUrl());
        assertEquals(2, store.programs().size());
        assertTrue(robot.lookup("#connectionSave").queryAs(Button.class).isDisabled());
    }

    @Test
    void aWrongPasswordSaysAuthenticationFailedWithTheServersMessage(FxRobot robot) throws Exception {
        server = new FixtureServer("2.40.4.1");
        fill(robot, server.url(), "admin", "wrong");
        robot.clickOn("#connectionTest");
        waitUntil(() -> robot.lookup("#connectionError").query().isVisible());
        assertEquals("Authentication failed", text(robot, "#connectionErrorTitle"));
        assertTrue(text(robot, "#connectionErrorMessage").contains("Unauthorized"));
        assertFalse(robot.lookup("#connectionResult").query().isVisible());
        assertTrue(robot.lookup("#connectionSave").queryAs(Button.class).isDisabled());
        robot.clickOn("#connectionPassword").write("x");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#connectionError").query().isVisible(), "editing clears the stale error");
    }

    @Test
    void anUnreachableServerSaysSoInFrench(FxRobot robot) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        robot.interact(() -> i18n.setLocale(Locale.FRENCH));
        fill(robot, "http://127.0.0.1:" + port, "admin", "district");
        robot.clickOn("#connectionTest");
        waitUntil(() -> robot.lookup("#connectionError").query().isVisible());
        assertEquals("Serveur injoignable", text(robot, "#connectionErrorTitle"));
        assertTrue(text(robot, "#connectionErrorMessage").contains("a refusé la connexion"));
    }

    @Test
    void aSelfSignedServerIsTrustedAfterTheFingerprintDialog(FxRobot robot) throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().commonName("dhis2.sante.sn")
                .addSubjectAlternativeName("127.0.0.1").build();
        server = new FixtureServer("2.43.0",
                new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory());
        fill(robot, server.url(), "admin", FixtureServer.PASSWORD);
        robot.clickOn("#connectionTest");
        waitUntil(() -> robot.lookup("#connectionTrust").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertEquals("Certificate not trusted", text(robot, "#connectionErrorTitle"));
        robot.clickOn("#connectionTrust");
        waitUntil(() -> robot.lookup("#trustFingerprint").tryQuery().isPresent());
        assertEquals(org.carnet.core.dhis2.CertificateInfo.fingerprint(cert.certificate().getEncoded()),
                robot.lookup("#trustFingerprint").queryAs(javafx.scene.control.TextArea.class).getText());
        robot.clickOn("#trustConfirm");
        waitUntil(() -> robot.lookup("#connectionResult").query().isVisible());
        assertEquals("2.43.0", text(robot, "#connectionVersion"));
        assertEquals(1, view.viewModel().pinnedCertificates().size());
    }
}
