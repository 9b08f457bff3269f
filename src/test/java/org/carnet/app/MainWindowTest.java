package org.carnet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.carnet.core.settings.AppHome;
import org.carnet.core.settings.AppSettings;
import org.carnet.core.settings.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless smoke test of the real main window (Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Path home;
    private AppContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("carnet-ui");
        context = AppContext.create(AppHome.at(home), Locale.ENGLISH);
        window = new MainWindow(context, stage);
        window.build();
        stage.show();
    }

    @AfterEach
    void close() {
        context.close();
    }

    private List<String> tabTitles(FxRobot robot) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        return tabs.getTabs().stream().map(Tab::getText).toList();
    }

    @Test
    void opensWithSixTabsTitledCarnet(FxRobot robot) {
        assertEquals(List.of("Connection", "Mapping", "Sync", "Card Design", "Review Queue", "Distribution"),
                tabTitles(robot));
        assertEquals("Carnet", robot.window(0).getScene().getWindow() instanceof Stage s ? s.getTitle() : null);
        assertEquals("Ready", robot.lookup("#statusMessage").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#connectionForm").tryQuery().isPresent());
    }

    @Test
    void languageSwitchRelabelsLiveAndIsRemembered(FxRobot robot) {
        robot.clickOn("#menuView").clickOn("#menuLanguage");
        // Slide right into the submenu first: a diagonal move would cross the next item and close it.
        robot.moveBy(120, 0).clickOn("Français");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Connexion", "Correspondances", "Synchronisation", "Conception de carte", "File de revue",
                "Distribution"), tabTitles(robot));
        assertEquals("Prêt", robot.lookup("#statusMessage").queryAs(Label.class).getText());
        AppSettings saved = new SettingsStore(home.resolve("settings.json")).load();
        assertEquals("fr", saved.getLanguage());

        robot.interact(() -> context.i18n().setLocale(Locale.ENGLISH));
        assertEquals("Connection", tabTitles(robot).get(0));
    }

    @Test
    void shortcutsAndEmptyStateButtonsSwitchTabs(FxRobot robot) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, tabs.getSelectionModel().getSelectedIndex());
        robot.clickOn("#reviewGoSync");
        assertEquals(2, tabs.getSelectionModel().getSelectedIndex());
        robot.clickOn("#syncGoMapping");
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex());
        robot.clickOn("#mappingGoConnection");
        assertEquals(0, tabs.getSelectionModel().getSelectedIndex());
        assertEquals(0, new SettingsStore(home.resolve("settings.json")).load().getSelectedTab());
    }

    @Test
    void aboutShowsVersionHomeAndLicences(FxRobot robot) {
        robot.clickOn("#menuHelp").clickOn("#menuAbout");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#aboutDialog").tryQuery().isPresent());
        assertEquals(home.toString(), robot.lookup("#aboutHome").queryAs(javafx.scene.control.TextField.class).getText());
        javafx.scene.control.TableView<?> table = robot.lookup("#aboutLicences").queryAs(javafx.scene.control.TableView.class);
        assertTrue(table.getItems().size() >= 12, "every bundled library is listed");
        assertTrue(table.getItems().stream().noneMatch(i -> i.toString().contains("${")), "versions are filtered in");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void windowGeometryIsSaved(FxRobot robot) {
        robot.interact(() -> window.saveGeometry());
        AppSettings saved = new SettingsStore(home.resolve("settings.json")).load();
        assertTrue(saved.getWindow() != null && saved.getWindow().width() >= MainWindow.MIN_WIDTH);
    }
}
