package org.carnet.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.carnet.core.connection.ConnectionService;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.demo.DemoProgramKind;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.dhis2.internal.FixtureServer;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.ProgramInfo;
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

/**
 * The Connection tab driven like a person would against the demo DHIS2 server: "Try Carnet with the demo server",
 * a typed connection tested and saved, wrong password, unreachable (in French); and a self-signed server.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionViewTest {
    ExecutorService executor;
    Registry registry;
    I18n i18n;
    ConnectionView view;
    FixtureServer server;
    DemoServer demo;
    final java.util.List<org.carnet.uikit.TabId> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
    final DemoServerLauncher launcher = new DemoServerLauncher() {
        @Override
        public synchronized Access start() throws Exception {
            if (demo == null) {
                demo = DemoServer.start(DemoServerConfig.defaults().withSize(300));
            }
            return new Access(demo.baseUrl(), demo.username(), demo.password());
        }

        @Override
        public synchronized boolean serves(String url) {
            return demo != null && demo.baseUrl().equals(url);
        }

        @Override
        public synchronized boolean running() {
            return demo != null;
        }
    };

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
        view = new ConnectionView(i18n, shown::add, new FxTaskRunner(executor),
                new SimpleObjectProperty<>(registry), new ConnectionService(), launcher);
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
        if (demo != null) {
            demo.close();
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
    void tryTheDemoServerConnectsTestsAndSavesInOneClick(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#connectionDemo").query().isVisible(), "offered on a fresh registry");
        robot.clickOn("#connectionDemo");
        waitUntil(() -> view.viewModel().savedProperty().get());
        assertEquals("2.41.3", text(robot, "#connectionVersion"));
        assertTrue(text(robot, "#connectionUser").contains("admin"));
        assertEquals("3", text(robot, "#connectionProgramCount"), "vaccination, antenatal care, HIV care");
        assertEquals(demo.baseUrl(), robot.lookup("#connectionUrl").queryAs(TextField.class).getText());
        assertTrue(text(robot, "#connectionDemoStatus").contains(demo.baseUrl()));
        assertTrue(robot.lookup("#connectionDemoText").query().isVisible(),
                "the banner stays while the demo server is the connection");
        assertTrue(text(robot, "#connectionDemoText").contains("built-in demo server"));
        assertFalse(robot.lookup("#connectionDemo").query().isVisible(), "nothing left for its button to do");

        TableView<ProgramInfo> programs = robot.lookup("#connectionPrograms").queryAs(TableView.class);
        assertEquals(3, programs.getItems().size());
        ProgramInfo hiv = programs.getItems().stream()
                .filter(p -> p.uid().equals(demo.dataset().programUid(DemoProgramKind.HIV_CARE))).findFirst()
                .orElseThrow();
        robot.interact(() -> programs.getSelectionModel().select(hiv));
        TableView<ProgramInfo.Attribute> attributes =
                robot.lookup("#connectionAttributes").queryAs(TableView.class);
        assertTrue(attributes.getItems().stream().anyMatch(x -> "MMD_PER_NAM".equals(x.code())),
                "the program's attributes by code");
        assertEquals(hiv.attributes().size(), attributes.getItems().size());

        ConnectionStore store = new ConnectionStore(registry);
        assertEquals(demo.baseUrl(), store.profile(ConnectionStore.DEFAULT_ID).orElseThrow().baseUrl());
        assertEquals(3, store.programs().size());
        assertFalse(demo.requests().anyWrite(), "GET only");
    }

    @Test
    void aTypedConnectionIsTestedWithEnterAndSaved(FxRobot robot) throws Exception {
        launcher.start();
        assertTrue(robot.lookup("#connectionTest").queryAs(Button.class).isDisabled(), "nothing to test yet");
        fill(robot, demo.baseUrl() + "/api/", "admin", "district");
        assertTrue(text(robot, "#connectionUrlHint").contains(demo.baseUrl()), "the normalised address is shown");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#connectionResult").query().isVisible());
        assertEquals("2.41.3", text(robot, "#connectionVersion"));
        assertFalse(text(robot, "#connectionServerDate").isBlank());
        assertEquals(3, robot.lookup("#connectionPrograms").queryAs(TableView.class).getItems().size());
        assertFalse(robot.lookup("#connectionAttributes").queryAs(TableView.class).getItems().isEmpty(),
                "the first program's attributes are shown");
        robot.clickOn("#connectionSave");
        waitUntil(() -> view.viewModel().savedProperty().get());
        assertTrue(robot.lookup("#connectionSave").queryAs(Button.class).isDisabled());
        assertEquals(demo.baseUrl(), new ConnectionStore(registry).profile(ConnectionStore.DEFAULT_ID).orElseThrow()
                .baseUrl());
    }

    @Test
    void aPersonalAccessTokenWorksAndNextSavesBeforeGoingToMapping(FxRobot robot) throws Exception {
        launcher.start();
        robot.clickOn("#connectionUrl").write(demo.baseUrl());
        robot.clickOn("#connectionAuthToken");
        robot.clickOn("#connectionToken").write(demo.personalAccessToken());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#connectionResult").query().isVisible());
        assertFalse(view.viewModel().savedProperty().get());
        robot.clickOn("#connectionNext");
        waitUntil(() -> !shown.isEmpty());
        assertEquals(java.util.List.of(org.carnet.uikit.TabId.MAPPING), shown);
        assertTrue(view.viewModel().savedProperty().get(), "saved before leaving for the Mapping tab");
        assertEquals(3, new ConnectionStore(registry).programs().size());
    }

    @Test
    void aWrongPasswordSaysAuthenticationFailedWithTheServersMessage(FxRobot robot) throws Exception {
        launcher.start();
        fill(robot, demo.baseUrl(), "admin", "wrong");
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
        String url = launcher.start().url();
        demo.close(); // the demo server is gone: its port refuses connections
        robot.interact(() -> i18n.setLocale(Locale.FRENCH));
        fill(robot, url, "admin", "district");
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

    @Test
    void theHivProgramShowsItsGuardedAttributesAndAnAdminNeedsAReasonToClearOne(FxRobot robot) throws Exception {
        robot.clickOn("#connectionDemo");
        waitUntil(() -> view.viewModel().savedProperty().get());
        @SuppressWarnings("unchecked")
        TableView<ProgramInfo> programs = robot.lookup("#connectionPrograms").queryAs(TableView.class);
        ProgramInfo hiv = programs.getItems().stream().filter(p -> "VIH_PEC".equals(p.code())).findFirst()
                .orElseThrow();
        robot.interact(() -> programs.getSelectionModel().select(hiv));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#guardFlaggedProgram").query().isVisible(), "the program name says VIH");
        assertTrue(text(robot, "#guardFlaggedText").contains("HIV/AIDS"), text(robot, "#guardFlaggedText"));
        assertTrue(text(robot, "#guardGuardedTitle").startsWith("Guarded attributes: " + hiv.guardedAttributes()
                .size()), text(robot, "#guardGuardedTitle"));
        assertTrue(hiv.guardedAttributes().size() >= 6, "status, ART number, regimen, viral load, CD4, key pop.");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<ProgramInfo.Attribute> guardedList = robot.lookup("#guardGuardedList")
                .queryAs(javafx.scene.control.ListView.class);
        assertEquals(hiv.guardedAttributes().size(), guardedList.getItems().size());

        @SuppressWarnings("unchecked")
        TableView<ProgramInfo.Attribute> attributes = robot.lookup("#connectionAttributes").queryAs(TableView.class);
        ProgramInfo.Attribute status = attributes.getItems().stream().filter(a -> "HIV_STATUT".equals(a.code()))
                .findFirst().orElseThrow();
        robot.interact(() -> attributes.getSelectionModel().select(status));
        Button change = robot.lookup("#guardChangeButton").queryAs(Button.class);
        assertFalse(change.isDisabled());
        robot.interact(change::fire);
        waitUntil(() -> robot.lookup("#guardChangeView").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.carnet.core.guard.SensitiveCategory> category = robot
                .lookup("#guardChangeCategory").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> category.setValue(org.carnet.core.guard.SensitiveCategory.NONE));
        Button save = robot.lookup("#guardChangeSave").queryAs(Button.class);
        assertTrue(save.isDisabled(), "removing HIV/AIDS needs a reason");
        robot.clickOn("#guardChangeReason").write("Test");
        assertTrue(save.isDisabled(), "too short");
        robot.write(" field of the training server, no real result");
        assertFalse(save.isDisabled());
        robot.clickOn(save);
        waitUntil(() -> robot.lookup("#guardChangeView").tryQuery().isEmpty());
        ProgramInfo after = view.viewModel().programs().stream().filter(p -> p.uid().equals(hiv.uid())).findFirst()
                .orElseThrow();
        assertEquals(hiv.guardedAttributes().size() - 1, after.guardedAttributes().size());
        assertEquals(org.carnet.core.guard.SensitiveCategory.NONE, after.attributes().stream()
                .filter(a -> a.uid().equals(status.uid())).findFirst().orElseThrow().guard().category());
        assertTrue(registry.auditEntries(10).stream().anyMatch(e -> e.action().equals("guard.category.set")
                && "Test field of the training server, no real result".equals(e.reason())));
        assertEquals(org.carnet.core.guard.SensitiveCategory.NONE, new org.carnet.core.connection.ProgramGuards(registry).program(hiv.uid())
                .orElseThrow().attributes().stream().filter(a -> a.uid().equals(status.uid())).findFirst()
                .orElseThrow().guard().category(), "saved in the registry");
    }
}
