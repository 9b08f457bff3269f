package org.carnet.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.carnet.core.common.Version;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Theme;

/** Help › About: version, home folder, runtime, and the licences of every bundled library and font. */
final class AboutDialog extends Dialog<Void> {
    record Component(String name, String version, String licence, String url) {
    }

    AboutDialog(AppContext context, Window owner) {
        I18n i18n = context.i18n();
        initOwner(owner);
        setTitle(i18n.get("about.title"));
        getDialogPane().getStylesheets().add(Theme.stylesheet());
        getDialogPane().getStyleClass().add("about-dialog");
        getDialogPane().setId("aboutDialog");

        Label name = new Label("Carnet");
        name.getStyleClass().add("about-name");
        Label tagline = new Label(i18n.get("about.tagline"));
        tagline.setWrapText(true);
        tagline.getStyleClass().add("page-subtitle");

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        facts.addRow(0, new Label(i18n.get("about.version")), new Label(Version.current()));
        TextField home = new TextField(context.home().root().toString());
        home.setEditable(false);
        home.setId("aboutHome");
        home.setPrefColumnCount(40);
        facts.addRow(1, new Label(i18n.get("about.home")), home);
        facts.addRow(2, new Label(i18n.get("about.runtime")), new Label(i18n.get("about.runtimeValue",
                System.getProperty("java.version"), System.getProperty("javafx.runtime.version", "?"),
                System.getProperty("os.name"))));
        facts.addRow(3, new Label(i18n.get("about.licence")), new Label(i18n.get("about.licenceValue")));

        Label thirdParty = new Label(i18n.get("about.thirdParty"));
        thirdParty.getStyleClass().add("section-title");
        TableView<Component> table = new TableView<>();
        table.setId("aboutLicences");
        table.getItems().setAll(components());
        table.getColumns().add(column(i18n.get("about.col.component"), Component::name, 260));
        table.getColumns().add(column(i18n.get("about.col.version"), Component::version, 150));
        table.getColumns().add(column(i18n.get("about.col.licence"), Component::licence, 230));
        table.setPrefHeight(300);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        VBox box = new VBox(10, name, tagline, facts, thirdParty, table);
        box.setPadding(new Insets(8, 4, 4, 4));
        box.setPrefWidth(680);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    private static TableColumn<Component, String> column(String title, java.util.function.Function<Component, String> f,
            double width) {
        TableColumn<Component, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static List<Component> components() {
        List<Component> list = new ArrayList<>();
        try (InputStream in = AboutDialog.class.getResourceAsStream("/org/carnet/app/third-party.tsv")) {
            if (in == null) {
                return list;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                if (f.length >= 4) {
                    list.add(new Component(f[0], f[1], f[2], f[3]));
                }
            }
        } catch (IOException e) {
            return list;
        }
        return list;
    }
}
