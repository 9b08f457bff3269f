package org.carnet.ui.registry;

import static org.carnet.ui.registry.RegistryUiTestSupport.GOOD;
import static org.carnet.ui.registry.RegistryUiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.AuditEntry;
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

/** The audit viewer lists the registry's entries, filters them, checks the chain and exports without reasons. */
@ExtendWith(ApplicationExtension.class)
class AuditLogViewTest {
    private static final String REASON = "Same mother Aminata Sow, phone +221 77 123 45 67, confirmed at the visit";
    private static final String USER = "fieldagent42";

    private Path dir;
    private Registry registry;
    private ExecutorService executor;
    private AuditLogView view;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("carnet-audit");
        registry = Registries.create(dir.resolve("registry.db"), GOOD.toCharArray(), Argon2Kdf.forTests(),
                new AuditActor(USER, AuditActor.Channel.GUI)).registry();
        registry.audit("mpi.merge", "mpi:MPI-0001+MPI-0002", REASON);
        registry.audit("settings.change", "setting:sync.interval", null);
        executor = RegistryUiTestSupport.executor();
        view = new AuditLogView(new I18n(Locale.ENGLISH), RegistryUiTestSupport.tasks(executor), registry);
        RegistryUiTestSupport.show(stage, view);
        stage.setResizable(true);
        stage.setWidth(1100);
        stage.setHeight(640);
    }

    @AfterEach
    void close() {
        registry.close();
        executor.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private TableView<AuditEntry> table(FxRobot robot) {
        return robot.lookup("#auditTable").queryAs(TableView.class);
    }

    /** Columns of a CSV line, commas inside quotes not counted. */
    private static int columns(String line) {
        int n = 1;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                n++;
            }
        }
        return n;
    }

    @Test
    void listsFiltersVerifiesAndExportsWithoutPersonalData(FxRobot robot) throws Exception {
        TableView<AuditEntry> table = table(robot);
        waitUntil(() -> !view.busyProperty().get() && table.getItems().size() >= 2);
        int all = table.getItems().size();
        assertTrue(table.getItems().stream().anyMatch(e -> "mpi.merge".equals(e.action())));
        assertEquals(7, table.getColumns().size(), "seq, time, channel, user, action, resource, reason");

        robot.clickOn("#auditFilter").write("merge");
        assertEquals(1, table.getItems().size(), "filtered on the action");
        robot.interact(() -> robot.lookup("#auditFilter").queryTextInputControl().setText("aminata"));
        assertEquals(1, table.getItems().size(), "filtered on the reason");
        robot.interact(() -> robot.lookup("#auditFilter").queryTextInputControl().setText("no such thing"));
        assertEquals(0, table.getItems().size());
        robot.interact(() -> robot.lookup("#auditFilter").queryTextInputControl().setText(""));
        assertEquals(all, table.getItems().size());

        robot.clickOn("#auditVerify");
        MessageLine verify = robot.lookup("#auditVerifyResult").queryAs(MessageLine.class);
        waitUntil(() -> verify.kind() == MessageLine.Kind.SUCCESS || verify.kind() == MessageLine.Kind.ERROR);
        assertEquals(MessageLine.Kind.SUCCESS, verify.kind(), verify.getText());

        Path csv = dir.resolve("audit.csv");
        robot.interact(() -> view.export(csv));
        Label exported = robot.lookup("#auditExportResult").queryAs(Label.class);
        waitUntil(() -> ((MessageLine) exported).kind() == MessageLine.Kind.SUCCESS);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(AuditCsv.HEADER, lines.get(0));
        assertEquals(all + 1, lines.size());
        String text = String.join("\n", lines);
        assertTrue(text.contains("mpi.merge"));
        for (String word : List.of("Aminata", "Sow", "77 123", "confirmed", USER)) {
            assertFalse(text.contains(word), "the export must not contain " + word);
        }
        assertTrue(lines.stream().skip(1).allMatch(l -> columns(l) == 6), "six columns per row: " + text);
    }
}
