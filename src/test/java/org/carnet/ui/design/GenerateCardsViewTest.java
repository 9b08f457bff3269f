package org.carnet.ui.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.carnet.core.cards.GenerationJob;
import org.carnet.core.cards.GenerationRequest;
import org.carnet.core.cards.InterruptedJobs;
import org.carnet.core.render.CardDesign;
import org.carnet.core.cards.OutputFormat;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.connection.ConnectionService;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.demo.DemoProgramKind;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.sync.SyncRequest;
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

/**
 * "Generate cards…" on a registry synced from the demo server: the count of matching cards, a small job run on the
 * bulk executor with its progress and result, the files on disk; a person from the registry in the preview.
 */
@ExtendWith(ApplicationExtension.class)
class GenerateCardsViewTest {
    ExecutorService io;
    ExecutorService render;
    ExecutorService bulk;
    Registry registry;
    DemoServer demo;
    String program;
    CardDesignView view;
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        io = Executors.newFixedThreadPool(2);
        render = Executors.newSingleThreadExecutor();
        bulk = Executors.newSingleThreadExecutor();
        dir = Files.createTempDirectory("carnet-generate");
        registry = Registries.create(dir.resolve("registry.db"), "mango river blue bicycle".toCharArray(),
                Argon2Kdf.forTests(), new AuditActor("tester", AuditActor.Channel.GUI)).registry();
        demo = DemoServer.start(DemoServerConfig.defaults().withSize(90));
        new ConnectionService().connectAndSave(new ConnectionStore(registry), ConnectionStore.DEFAULT_ID,
                ConnectionSettings.of(demo.baseUrl(), new Credentials.Basic(demo.username(),
                        demo.password().toCharArray())), null);
        program = demo.dataset().programUid(DemoProgramKind.ANTENATAL_CARE);
        SyncRun run = new SyncService(registry, Dhis2Clients::connect, Clock.systemUTC()).run(new SyncRequest(program,
                SyncRequest.Mode.INCREMENTAL, null, null, null, SyncTrigger.MANUAL), ProgressSink.NONE,
                Cancellation.none());
        assertEquals(SyncRun.Status.SUCCESS, run.status(), String.valueOf(run.errorKey()));
        view = new CardDesignView(new I18n(Locale.ENGLISH), t -> { }, new FxTaskRunner(io),
                new SimpleObjectProperty<>(registry), render, bulk);
        stage.setScene(new Scene(view, 1200, 760));
        Theme.apply(stage.getScene());
        stage.show();
    }

    @AfterEach
    void stop() {
        render.shutdownNow();
        io.shutdownNow();
        bulk.shutdownNow();
        demo.close();
        registry.close();
    }

    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 90 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void generatesTheCardsOfTheSelectedProgramme(FxRobot robot) throws Exception {
        CardDesignViewModel vm = view.viewModel();
        waitUntil(() -> vm.programs().size() == 3);
        ProgramInfo antenatal = vm.programs().stream().filter(p -> p.uid().equals(program)).findFirst()
                .orElseThrow();
        robot.interact(() -> vm.select(antenatal));
        waitUntil(() -> !vm.loadingProperty().get());
        robot.interact(() -> vm.setTemplate("emerald"));

        robot.clickOn("#generateCardsButton");
        waitUntil(() -> view.generateView() != null);
        GenerationViewModel g = view.generateView().viewModel();
        waitUntil(() -> !g.countingProperty().get() && g.countProperty().get() >= 0);
        int expected = new GenerationJob(registry, Clock.systemUTC()).count(g.request());
        assertTrue(expected > 0, "the demo programme has enrollments");
        assertEquals(expected, g.countProperty().get());
        assertEquals(expected + " cards", robot.lookup("#generateCount").queryAs(Label.class).getText());
        assertEquals("emerald", g.designProperty().get().template(), "the design being edited");
        assertTrue(robot.lookup("#generateStart").query().isDisabled(), "no output file yet");

        Path out = dir.resolve("out").resolve("cards.zip");
        Files.createDirectories(out.getParent());
        robot.interact(() -> {
            g.formatProperty().set(OutputFormat.PNG_ZIP);
            g.outProperty().set(out);
        });
        robot.clickOn("#generateStart");
        waitUntil(() -> g.resultProperty().get() != null || g.errorProperty().get() != null);
        assertEquals(null, g.errorProperty().get());
        GenerationJob.Result result = g.resultProperty().get();
        assertEquals(GenerationJob.Status.COMPLETED, result.status());
        assertEquals(expected, result.cards());
        assertFalse(result.files().isEmpty());
        assertTrue(result.files().stream().allMatch(Files::exists), result.files().toString());
        assertFalse(g.runningProperty().get());
        String line = robot.lookup("#generateResult").queryAs(Label.class).getText();
        assertTrue(line.startsWith(expected + " cards written"), line);
        robot.clickOn("#generateClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Window.getWindows().stream().noneMatch(w -> w.isShowing()
                && w.getScene().getRoot() == view.generateView()));
    }

    @Test
    void anInterruptedGenerationIsResumedOrDiscardedFromTheWindow(FxRobot robot) throws Exception {
        Path out = dir.resolve("interrupted").resolve("cards.pdf");
        Files.createDirectories(out.getParent());
        int total = new GenerationJob(registry, Clock.systemUTC()).count(new GenerationRequest(program,
                CardDesign.defaults("vital"), null, 300, true, OutputFormat.PDF, out));
        assertTrue(total >= 3, "enough cards for three parts: " + total);
        InterruptedJobs.interrupt(registry, new GenerationRequest(program, CardDesign.defaults("vital"), null, 300,
                true, OutputFormat.PDF, out), 1, 2);

        CardDesignViewModel vm = view.viewModel();
        waitUntil(() -> vm.programs().size() == 3);
        robot.clickOn("#generateCardsButton");
        waitUntil(() -> view.generateView() != null);
        GenerationViewModel g = view.generateView().viewModel();
        waitUntil(() -> g.pendingProperty().get() != null);
        assertTrue(robot.lookup("#generatePending").query().isVisible());
        String banner = robot.lookup("#generatePendingText").queryAs(Label.class).getText();
        assertTrue(banner.contains("1 of " + total), banner);

        robot.clickOn("#generateResume");
        waitUntil(() -> g.resultProperty().get() != null || g.errorProperty().get() != null);
        assertEquals(null, g.errorProperty().get());
        assertEquals(GenerationJob.Status.COMPLETED, g.resultProperty().get().status());
        assertTrue(g.resultProperty().get().resumed());
        assertEquals(total, g.resultProperty().get().cards());
        assertTrue(Files.exists(out.resolveSibling("cards-01.pdf")), "parts of one card, numbered");
        waitUntil(() -> g.pendingProperty().get() == null);
        assertFalse(robot.lookup("#generatePending").query().isVisible());
        assertEquals(total, registry.issuedCards(program, 1000).size());

        // Another interrupted job, discarded: nothing issued, nothing left.
        Path other = dir.resolve("interrupted").resolve("other.pdf");
        InterruptedJobs.interrupt(registry, new GenerationRequest(program, CardDesign.defaults("vital"), null, 300,
                true, OutputFormat.PDF, other), 1, 2);
        robot.clickOn("#generateClose");
        robot.clickOn("#generateCardsButton");
        waitUntil(() -> g.pendingProperty().get() != null);
        robot.clickOn("#generateDiscard");
        waitUntil(() -> g.pendingProperty().get() == null);
        assertTrue(new GenerationJob(registry, Clock.systemUTC()).pending().isEmpty());
        assertEquals(total, registry.issuedCards(program, 1000).size(), "the discarded job issued nothing");
        try (var files = Files.list(other.getParent())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("other")
                    || f.getFileName().toString().startsWith(".other")));
        }
    }

    @Test
    void previewsAPersonFromTheRegistry(FxRobot robot) throws Exception {
        CardDesignViewModel vm = view.viewModel();
        waitUntil(() -> vm.programs().size() == 3);
        ProgramInfo antenatal = vm.programs().stream().filter(p -> p.uid().equals(program)).findFirst()
                .orElseThrow();
        robot.interact(() -> vm.select(antenatal));
        waitUntil(() -> !vm.loadingProperty().get());
        String[] mpi = new String[1];
        registry.forEachEnrollment(program, e -> {
            if (mpi[0] == null && e.mpiId() != null) {
                mpi[0] = e.mpiId();
            }
        });
        robot.clickOn("#previewPerson");
        robot.interact(() -> vm.queryProperty().set(mpi[0]));
        robot.clickOn("#personFindButton");
        waitUntil(() -> vm.personProperty().get() != null);
        waitUntil(() -> mpi[0].equals(vm.dataProperty().get().mpiId()));
        waitUntil(() -> view.preview().statusProperty().get() == PreviewService.Status.READY
                && !view.preview().busy());
        robot.clickOn("#previewSample");
        waitUntil(() -> !mpi[0].equals(vm.dataProperty().get().mpiId()));
    }
}
