package org.carnet.uikit;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom bar: a status message on the left, activity and facts (home folder, version) on the right. */
public final class StatusBar extends HBox {
    private final Label message = new Label();
    private final ProgressIndicator activity = new ProgressIndicator();
    private final HBox right = new HBox(16);

    public StatusBar() {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        message.setId("statusMessage");
        message.getStyleClass().add("status-message");
        activity.getStyleClass().add("status-activity");
        activity.setMaxSize(14, 14);
        activity.setVisible(false);
        activity.setManaged(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        right.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(activity, message, spacer, right);
        setSpacing(8);
    }

    public void bindMessage(ObservableValue<String> text) {
        message.textProperty().bind(text);
    }

    public void bindBusy(ObservableValue<Boolean> busy) {
        activity.visibleProperty().bind(busy);
        activity.managedProperty().bind(busy);
    }

    /** Adds a fact on the right; the tooltip-free label is selectable by id in tests. */
    public Label addItem(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("status-item");
        l.textProperty().bind(text);
        right.getChildren().add(l);
        return l;
    }
}
