package org.carnet.uikit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The frame every tab shares: a heading with a one-line purpose, then the tab's content. */
public class TabPage extends BorderPane {
    public TabPage(I18n i18n, TabId tab) {
        getStyleClass().addAll("tab-page", "tab-page-" + tab.key());
        Label title = new Label();
        title.textProperty().bind(i18n.text("tab." + tab.key() + ".heading"));
        title.getStyleClass().add("page-title");
        Label subtitle = new Label();
        subtitle.textProperty().bind(i18n.text("tab." + tab.key() + ".subtitle"));
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.setWrapText(true);
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add("page-header");
        setTop(header);
    }

    protected void setContent(Node content) {
        setCenter(content);
    }
}
