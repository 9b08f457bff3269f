package org.carnet.uikit;

import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Windows that host a code-built view: themed, titled in the current language, modal to their owner or not. */
public final class Dialogs {
    private Dialogs() {
    }

    /** A fixed-size window modal to {@code owner} (which may be null at start-up). */
    public static Stage modal(Window owner, ObservableValue<String> title, Parent content) {
        Stage stage = window(owner, title, content);
        stage.initModality(owner == null ? Modality.APPLICATION_MODAL : Modality.WINDOW_MODAL);
        stage.setResizable(false);
        stage.setOnShown(e -> {
            stage.sizeToScene();
            if (owner != null) {
                stage.setX(owner.getX() + Math.max(0, (owner.getWidth() - stage.getWidth()) / 2));
                stage.setY(owner.getY() + Math.max(0, (owner.getHeight() - stage.getHeight()) / 3));
            } else {
                stage.centerOnScreen();
            }
        });
        return stage;
    }

    /** A resizable window that stays beside its owner (the audit log). */
    public static Stage window(Window owner, ObservableValue<String> title, Parent content) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            if (owner instanceof Stage s) {
                stage.getIcons().setAll(s.getIcons());
            }
        }
        stage.titleProperty().bind(title);
        Scene scene = new Scene(content);
        Theme.apply(scene);
        stage.setScene(scene);
        return stage;
    }
}
