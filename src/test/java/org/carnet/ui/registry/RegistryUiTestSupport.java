package org.carnet.ui.registry;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.carnet.core.registry.AuditActor;
import org.carnet.uikit.FxTaskRunner;
import org.carnet.uikit.Theme;
import org.testfx.util.WaitForAsyncUtils;

/** Shared bits of the registry view tests: a real background runner, a scene, waiting for async results. */
final class RegistryUiTestSupport {
    static final String GOOD = "mango river blue bicycle";
    static final AuditActor ACTOR = new AuditActor("tester", AuditActor.Channel.GUI);

    private RegistryUiTestSupport() {
    }

    static ExecutorService executor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-io");
            t.setDaemon(true);
            return t;
        });
    }

    static FxTaskRunner tasks(ExecutorService executor) {
        return new FxTaskRunner(executor);
    }

    /** Shows a dialog view like the app does: a fixed-size window that follows its content. */
    static void show(Stage stage, Parent view) {
        Scene scene = new Scene(view);
        Theme.apply(scene);
        stage.setResizable(false); // the primary stage is shared by all test classes: reset what others set
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
