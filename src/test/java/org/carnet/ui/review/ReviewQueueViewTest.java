package org.carnet.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.mpi.FileLinkage;
import org.carnet.core.mpi.MpiService;
import org.carnet.core.mpi.PersonFields;
import org.carnet.core.mpi.RegionCodes;
import org.carnet.core.mpi.ReviewService;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.IdentityEvent;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.ReviewItem;
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

/** The Review Queue tab over a registry filled from a legacy list (FEBRL1, as carnet import does). */
@ExtendWith(ApplicationExtension.class)
class ReviewQueueViewTest {
    ExecutorService io;
    Registry registry;
    ReviewQueueView view;

    @Start
    void start(Stage stage) throws Exception {
        io = Executors.newFixedThreadPool(2);
        Path dir = Files.createTempDirectory("carnet-review");
        registry = Registries.create(dir.resolve("registry.db"), "mango river blue bicycle".toCharArray(),
                Argon2Kdf.forTests(), new AuditActor("tester", AuditActor.Channel.GUI)).registry();
        Path csv = dir.resolve("febrl1.csv");
        try (InputStream in = ReviewQueueViewTest.class.getResourceAsStream("/mpi/febrl1.csv")) {
            Files.copy(in, csv);
        }
        List<PersonFields> rows = FileLinkage.read(List.of(csv), FileLinkage.Columns.parse(
                "id=rec_id,first_name=given_name,last_name=surname,date_of_birth=date_of_birth,commune=suburb"));
        MpiService mpi = MpiService.open(registry, "SN", new RegionCodes(Map.of()));
        mpi.resolveAll(rows.stream().map(f -> new MpiService.Request(f, "legacy:febrl1", f.id())).toList());
        view = new ReviewQueueView(new I18n(Locale.ENGLISH), t -> { }, new FxTaskRunner(io),
                new SimpleObjectProperty<>(registry));
        stage.setScene(new Scene(view, 1200, 760));
        Theme.apply(stage.getScene());
        stage.show();
    }

    @AfterEach
    void stop() {
        registry.close();
        io.shutdownNow();
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
    void decideWithTheKeyboardFilterAndUndoALink(FxRobot robot) throws Exception {
        ReviewViewModel vm = view.viewModel();
        waitUntil(() -> vm.selectedProperty().get() != null);
        int open = vm.items().size();
        assertTrue(open > 2);
        ReviewService.Item first = vm.selectedProperty().get();

        // Alt+1 without a reason: refused with a message, nothing decided
        robot.clickOn("#reviewReason");
        robot.press(KeyCode.ALT).type(KeyCode.DIGIT1).release(KeyCode.ALT);
        waitUntil(() -> vm.errorProperty().get() != null);
        assertEquals(open, vm.items().size());

        robot.clickOn("#reviewReason").write("Same village, date typo");
        robot.press(KeyCode.ALT).type(KeyCode.DIGIT1).release(KeyCode.ALT);
        waitUntil(() -> !vm.items().contains(first) && vm.selectedProperty().get() != null);
        assertEquals(ReviewItem.LINKED, registry.reviewItem(first.id()).orElseThrow().status());
        String kept = first.a().identity().mpiId();
        assertEquals(IdentityRecord.MERGED, registry.identityByMpiId(first.b().identity().mpiId()).orElseThrow()
                .status());

        ReviewService.Item second = vm.selectedProperty().get();
        robot.clickOn("#reviewReason").write("Twins");
        robot.press(KeyCode.ALT).type(KeyCode.S).release(KeyCode.ALT);
        waitUntil(() -> !vm.items().contains(second));
        assertEquals(ReviewItem.SEPARATED, registry.reviewItem(second.id()).orElseThrow().status());

        ReviewService.Item third = vm.selectedProperty().get();
        robot.clickOn("#reviewReason").write("Ask the post");
        robot.press(KeyCode.ALT).type(KeyCode.D).release(KeyCode.ALT);
        waitUntil(() -> "review.notice.deferred".equals(vm.noticeProperty().get()));
        assertEquals(ReviewItem.DEFERRED, registry.reviewItem(third.id()).orElseThrow().status());

        // filter: deferred only
        @SuppressWarnings("unchecked")
        ChoiceBox<String> status = robot.lookup("#reviewStatus").queryAs(ChoiceBox.class);
        robot.interact(() -> status.setValue("deferred"));
        waitUntil(() -> vm.items().size() == 1);
        assertEquals(third.id(), vm.items().get(0).id());

        // undo the link from the person's history
        robot.interact(() -> vm.queryProperty().set(kept));
        robot.interact(vm::search);
        waitUntil(() -> vm.found().size() == 1);
        robot.interact(() -> vm.open(vm.found().get(0)));
        waitUntil(() -> vm.detailProperty().get() != null);
        IdentityEvent merge = vm.detailProperty().get().history().stream()
                .filter(e -> IdentityEvent.MERGED_IN.equals(e.kind())).findFirst().orElseThrow();
        robot.interact(() -> vm.reasonProperty().set("Checked the cards: two people"));
        robot.interact(() -> robot.lookup("#personUndo-" + merge.mergeId()).queryAs(Button.class).fire());
        waitUntil(() -> vm.detailProperty().get() != null && vm.detailProperty().get().history().stream()
                .anyMatch(IdentityEvent::undone));
        assertEquals(IdentityRecord.ACTIVE, registry.identityByMpiId(first.b().identity().mpiId()).orElseThrow()
                .status());
        assertFalse(vm.detailProperty().get().history().isEmpty());
    }
}
