package org.carnet.ui.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.carnet.core.connection.ConnectionService;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.mapping.MappingIssue;
import org.carnet.core.mapping.MappingStore;
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
 * The Mapping tab on the demo server's programs: suggestions in use, real values previewed from the server, a guarded
 * attribute refused, accept and save (in French).
 */
@ExtendWith(ApplicationExtension.class)
class MappingViewTest {
    ExecutorService executor;
    Registry registry;
    DemoServer demo;
    MappingView view;
    List<ProgramInfo> programs;

    @Start
    void start(Stage stage) throws Exception {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-io");
            t.setDaemon(true);
            return t;
        });
        registry = Registries.create(Files.createTempDirectory("carnet-mapping").resolve("registry.db"),
                "mango river blue bicycle".toCharArray(), Argon2Kdf.forTests(),
                new AuditActor("tester", AuditActor.Channel.GUI)).registry();
        demo = DemoServer.start(DemoServerConfig.defaults().withSize(60));
        ConnectionSettings settings = ConnectionSettings.of(demo.baseUrl(), new Credentials.Basic(demo.username(),
                demo.password().toCharArray()));
        programs = new ConnectionService().connectAndSave(new ConnectionStore(registry),
                ConnectionStore.DEFAULT_ID, settings, null).judged();
        view = new MappingView(new I18n(Locale.FRENCH), t -> { }, new FxTaskRunner(executor),
                new SimpleObjectProperty<>(registry));
        Scene scene = new Scene(view, 1200, 760);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        demo.close();
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

    @Test
    void suggestionsPreviewRefusalAndSave(FxRobot robot) throws Exception {
        MappingViewModel vm = view.viewModel();
        waitUntil(() -> !vm.rows().isEmpty() && robot.lookup("#mappingSource-first_name").tryQuery().isPresent());
        assertEquals("Campagne de vaccination rougeole-rubéole", vm.programProperty().get().name());
        assertTrue(robot.lookup("#mappingNotice").queryAs(Label.class).getText().contains("suggestions"));
        @SuppressWarnings("unchecked")
        ComboBox<Object> first = robot.lookup("#mappingSource-first_name").queryAs(ComboBox.class);
        assertEquals("MMD_PER_NAM", ((ProgramInfo.Attribute) first.getValue()).code());

        waitUntil(() -> vm.sampleSourceProperty().get() == MappingViewModel.SampleSource.SERVER);
        String phones = robot.lookup("#mappingPreview-phone_number").queryAs(Label.class).getText();
        assertTrue(phones.matches(".*\\+221\\d{9}.*|.*[⚠∅].*"), phones);
        String centres = robot.lookup("#mappingPreview-health_center").queryAs(Label.class).getText();
        assertFalse(centres.isBlank(), "health centre names come from the cached org units");

        // a guarded attribute as beneficiary id: refused, Save disabled
        ProgramInfo.Attribute card = vm.programProperty().get().attributes().stream()
                .filter(a -> "VAC_CARTE_NUM".equals(a.code())).findFirst().orElseThrow();
        assertFalse(card.sensitive());
        ProgramInfo hiv = programs.stream().filter(p -> "VIH_PEC".equals(p.code())).findFirst().orElseThrow();
        robot.interact(() -> vm.programProperty().set(hiv));
        waitUntil(() -> vm.rows().stream().anyMatch(r -> r.mappingProperty().get() != null)
                && robot.lookup("#mappingSource-beneficiary_id").tryQuery().isPresent()
                && vm.programProperty().get().uid().equals(hiv.uid()));
        ProgramInfo.Attribute art = hiv.attributes().stream().filter(a -> "HIV_NUM_TARV".equals(a.code()))
                .findFirst().orElseThrow();
        MappingViewModel.Row idRow = vm.rows().stream().filter(r -> r.field().equals("beneficiary_id")).findFirst()
                .orElseThrow();
        robot.interact(() -> vm.map(idRow, art, false));
        assertTrue(vm.issues().stream().anyMatch(i -> i.kind() == MappingIssue.Kind.SENSITIVE_ATTRIBUTE));
        Button save = robot.lookup("#mappingSave").queryAs(Button.class);
        assertTrue(save.isDisabled());
        robot.interact(() -> vm.map(idRow, null, false));
        assertFalse(save.isDisabled());

        robot.clickOn("#mappingSave");
        waitUntil(() -> vm.savedVersionProperty().get() == 1);
        assertEquals(1, new MappingStore(registry).saved(hiv.uid()).orElseThrow().version());
        assertTrue(robot.lookup("#mappingVersion").queryAs(Label.class).getText().contains("1"));
    }
}
