package org.carnet.uikit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The frame every tab shares: a heading with a one-line purpose, then the tab's content. */
public class TabPage extends BorderPane {
    private final I18n i18n;
    private final TabId tab;

    public TabPage(I18n i18n, TabId tab) {
        this.i18n = i18n;
        this.tab = tab;
        setId(tab.key() + "Tab");
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

    /** Called when the tab becomes the selected one (to refresh what another tab may have changed). */
    public void onShown() {
    }

    protected void setContent(Node content) {
        setCenter(content);
    }

    /**
     * Shows the tab's empty state (keys {@code <tab>.empty.title}, {@code .body}, {@code .step1..3}; id
     * {@code <tab>EmptyState}) and returns it so the tab can add its actions.
     */
    protected EmptyState showEmptyState() {
        String k = tab.key();
        EmptyState empty = new EmptyState(i18n, Icons.forTab(tab), k + ".empty.title", k + ".empty.body",
                java.util.List.of(k + ".empty.step1", k + ".empty.step2", k + ".empty.step3"));
        empty.setId(k + "EmptyState");
        setContent(empty);
        return empty;
    }
}
