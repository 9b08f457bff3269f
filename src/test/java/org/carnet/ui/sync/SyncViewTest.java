package org.carnet.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.carnet.core.connection.ConnectionService;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.sync.SyncEngine;
import org.carnet.core.sync.SyncRun;
import org.carnet.core.sync.SyncService;
import org.carnet.core.sync.SyncTrigger;
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

/** The Sync tab on the demo server: Sync now fills the history; the webhook, once saved, triggers a run. */
@ExtendWith(ApplicationExtension.class)
class SyncViewTest {
    ExecutorService io;
    ExecutorService runner;
    ScheduledExecutorService timer;
    Registry registry;
    DemoServer demo;
    SyncView view;

    @Start
    void start(Stage stage) throws Exception {
        io = Executors.newFixedThreadPool(2);
        runner = Executors.newSingleThreadExecutor();
        timer = Executors.newSingleThreadScheduledExecutor();
        registry = Registries.create(Files.createTempDirectory("carnet-sync").resolve("registry.db"),
                "mango river blue bicycle".toCharArray(), Argon2Kdf.forTests(),
                new AuditActor("tester", AuditActor.Channel.GUI)).registry();
        demo = DemoServer.start(DemoServerConfig.defaults().withSize(120));
        ConnectionSettings settings = ConnectionSettings.of(demo.baseUrl(), new Credentials.Basic(demo.username(),
                demo.password().toCharArray()));
        new ConnectionService().connectAndSave(new ConnectionStore(registry), ConnectionStore.DEFAULT_ID,
                settings, null);
        view = new SyncView(new I18n(Locale.ENGLISH), t -> { }, new FxTaskRunner(io), Platform::runLater,
                new SimpleObjectProperty<>(registry), r -> new SyncEngine(r, new SyncService(r), runner, timer,
                        Clock.systemUTC()));
        stage.setScene(new Scene(view, 1200, 760));
        Theme.apply(stage.getScene());
        stage.show();
    }

    @AfterEach
    void stop() {
        SyncEngine e = view.viewModel().engineProperty().get();
        if (e != null) {
            e.close();
            e.awaitIdle(java.time.Duration.ofSeconds(20));
        }
        demo.close();
        registry.close();
        io.shutdownNow();
        runner.shutdownNow();
        timer.shutdownNow();
    }

    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 60 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void syncNowThenTheWebhook(FxRobot robot) throws Exception {
        SyncViewModel vm = view.viewModel();
        waitUntil(() -> vm.programs().size() == 3 && robot.lookup("#syncNow").tryQuery().isPresent());
        robot.clickOn("#syncNow");
        waitUntil(() -> vm.history().size() == 3 && !vm.runningProperty().get());
        assertTrue(vm.history().stream().allMatch(r -> r.status() == SyncRun.Status.SUCCESS),
                vm.history().toString());
        @SuppressWarnings("unchecked")
        TableView<SyncRun> table = robot.lookup("#syncHistory").queryAs(TableView.class);
        assertEquals(3, table.getItems().size());

        robot.interact(() -> {
            vm.webhookProperty().set(true);
            vm.portProperty().set("0");
        });
        robot.interact(vm::saveSettings);
        assertTrue(vm.errorProperty().get() != null, "port 0 is refused with a message");
        int free;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            free = s.getLocalPort();
        }
        int port = free;
        robot.interact(() -> vm.portProperty().set(String.valueOf(port)));
        robot.interact(vm::saveSettings);
        waitUntil(() -> vm.engineProperty().get().webhookPort().isPresent());
        String secret = new String(vm.engineProperty().get().webhookSecret());
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/hooks/sync")).header("X-Carnet-Secret", secret)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode());
        waitUntil(() -> vm.history().size() == 6);
        assertEquals(SyncTrigger.WEBHOOK, vm.history().get(0).trigger());
        assertEquals(0, vm.history().get(0).created(), "nothing new the second time");
    }
}
