package org.carnet.uikit;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.carnet.core.common.AppException;

/**
 * One line (wrapping) of feedback under a form: information, success, warning or error. The text is a binding on
 * the language, so a message already shown is relabelled when the language changes. Empty means hidden.
 */
public final class MessageLine extends Label {
    /** How the message looks. */
    public enum Kind { INFO, SUCCESS, WARNING, ERROR }

    private static final String[] KIND_CLASSES = {"message-info", "message-success", "message-warning", "message-error"};

    private final I18n i18n;
    private Kind kind;

    public MessageLine(I18n i18n) {
        this.i18n = i18n;
        getStyleClass().add("message-line");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        visibleProperty().bind(textProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
        textProperty().addListener((o, a, b) -> fitWindow(this));
    }

    /** Shows the message {@code key}; arguments may be observable values (a countdown, a count). */
    public void show(Kind kind, String key, Object... args) {
        setKind(kind);
        textProperty().bind(i18n.text(key, args));
    }

    /** Shows the user-facing text of an application exception. */
    public void show(Kind kind, AppException e) {
        setKind(kind);
        textProperty().bind(Bindings.createStringBinding(() -> i18n.describe(e), i18n.localeProperty()));
    }

    /** Shows any text binding. */
    public void show(Kind kind, ObservableValue<String> text) {
        setKind(kind);
        textProperty().bind(text);
    }

    public void clear() {
        textProperty().unbind();
        setText("");
        kind = null;
        getStyleClass().removeAll(KIND_CLASSES);
    }

    public Kind kind() {
        return kind;
    }

    private void setKind(Kind k) {
        kind = k;
        getStyleClass().removeAll(KIND_CLASSES);
        getStyleClass().add(KIND_CLASSES[k.ordinal()]);
    }

    /**
     * Grows or shrinks a fixed-size dialog window to its content after the content changed (a message appeared, a
     * page was switched). Resizable windows keep the size the user gave them.
     */
    public static void fitWindow(Node node) {
        Platform.runLater(() -> {
            if (node.getScene() != null && node.getScene().getWindow() instanceof Stage s && !s.isResizable()
                    && s.isShowing()) {
                s.sizeToScene();
            }
        });
    }
}
