package org.carnet.app;

import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.carnet.app.cli.Cli;
import org.carnet.app.logging.Logging;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Messages;
import org.carnet.core.settings.AppHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: configures logging, builds the context and shows the main window. */
public final class CarnetApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(CarnetApp.class);
    private static volatile Cli.Startup startup = new Cli.Startup(true, null, false);

    private AppContext context;
    private MainWindow window;

    static void launchWith(Cli.Startup options) {
        startup = options;
        Logging.quietJavaFxClassPathWarning();
        Application.launch(CarnetApp.class);
    }

    /** Resolves the home for a GUI start: {@code --home}, {@code CARNET_HOME}, {@code ~/.carnet}. */
    static AppHome resolveHome(Cli.Startup options) {
        return AppHome.resolve(options.home(), System.getenv(), System.getProperty("user.home"));
    }

    @Override
    public void start(Stage stage) {
        AppHome home = resolveHome(startup);
        Locale os = Locale.getDefault();
        try {
            home.ensureExists();
            Logging.configure(home.logsDir(), startup.debug());
            LOG.info("Carnet starting; home {}", home.root());
            context = AppContext.create(home, os);
        } catch (AppException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, Messages.describe(os, e));
            alert.setHeaderText(Messages.get(os, "error.startup.title"));
            alert.showAndWait();
            Platform.exit();
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> onUncaught(e));
        window = new MainWindow(context, stage);
        window.build();
        stage.getIcons().add(new Image(CarnetApp.class.getResourceAsStream("/org/carnet/app/icon-256.png")));
        stage.setOnCloseRequest(e -> window.saveGeometry());
        stage.show();
        // The registry: first-run set-up, or unlock; giving up there quits. The window stays behind, locked.
        window.registryFlow().setQuit(Platform::exit);
        Platform.runLater(() -> window.registryFlow().start());
    }

    /** Stays alive: a failure in a handler is logged and shown as a short message, never as a stack trace. */
    private void onUncaught(Throwable e) {
        LOG.error("Unexpected failure", e);
        Runnable show = () -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, context.i18n().get("error.unexpected.body"));
            alert.setHeaderText(context.i18n().get("error.unexpected.title"));
            alert.show();
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
        LOG.info("Carnet stopped");
        Logging.shutdown();
    }
}
