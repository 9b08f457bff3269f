package org.carnet.uikit;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What a tab shows before it has anything to show: what the tab is for, the first steps, and buttons that take
 * the user there. Text comes from the bundles and follows the language.
 */
public final class EmptyState extends StackPane {
    private final HBox actions = new HBox(10);
    private final I18n i18n;

    public EmptyState(I18n i18n, String iconPath, String titleKey, String bodyKey, List<String> stepKeys) {
        this.i18n = i18n;
        getStyleClass().add("empty-state");

        StackPane badge = new StackPane(Icons.of(iconPath));
        badge.getStyleClass().add("empty-state-badge");
        badge.setMaxSize(64, 64);

        Label title = new Label();
        title.textProperty().bind(i18n.text(titleKey));
        title.getStyleClass().add("empty-state-title");
        title.setWrapText(true);

        Label body = new Label();
        body.textProperty().bind(i18n.text(bodyKey));
        body.getStyleClass().add("empty-state-body");
        body.setWrapText(true);

        GridPane steps = new GridPane();
        steps.getStyleClass().add("empty-state-steps");
        for (int i = 0; i < stepKeys.size(); i++) {
            Label number = new Label(Integer.toString(i + 1));
            number.getStyleClass().add("step-number");
            number.setMinSize(26, 26);
            number.setAlignment(Pos.CENTER);
            Label text = new Label();
            text.textProperty().bind(i18n.text(stepKeys.get(i)));
            text.setWrapText(true);
            text.getStyleClass().add("step-text");
            steps.addRow(i, number, text);
        }

        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("empty-state-actions");

        VBox card = new VBox(14, badge, title, body, steps, actions);
        card.getStyleClass().add("empty-state-card");
        card.setMaxWidth(640);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
    }

    /** Adds a button under the steps. The first primary button gets the accent colour. */
    public Button addAction(String id, String labelKey, Runnable action, boolean primary) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.text(labelKey));
        b.setOnAction(e -> action.run());
        if (primary) {
            b.getStyleClass().add("accent");
            b.setDefaultButton(false);
        }
        actions.getChildren().add(b);
        return b;
    }
}
