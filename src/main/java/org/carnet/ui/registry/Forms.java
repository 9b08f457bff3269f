package org.carnet.ui.registry;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;

/** Building blocks shared by the registry windows, so they look alike. */
final class Forms {
    /** Width of the registry dialogs' content. */
    static final double WIDTH = 580;

    private Forms() {
    }

    /** Icon badge, title and one-line purpose; {@code right} (may be null) sits at the top right. */
    static Node header(I18n i18n, String icon, String titleKey, String subtitleKey, Node right) {
        StackPane badge = new StackPane(Icons.of(icon));
        badge.getStyleClass().add("dialog-badge");
        badge.setMinSize(44, 44);
        badge.setMaxSize(44, 44);
        Label title = text(i18n, titleKey, "dialog-title");
        VBox texts = new VBox(2, title);
        if (subtitleKey != null) {
            texts.getChildren().add(text(i18n, subtitleKey, "dialog-subtitle"));
        }
        HBox.setHgrow(texts, Priority.ALWAYS);
        HBox box = new HBox(14, badge, texts);
        box.setAlignment(Pos.CENTER_LEFT);
        if (right != null) {
            box.getChildren().add(right);
            HBox.setMargin(right, new javafx.geometry.Insets(-6, 0, 0, 0));
        }
        box.getStyleClass().add("dialog-header");
        return box;
    }

    static Label text(I18n i18n, String key, String styleClass, Object... args) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key, args));
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** A tinted box with an icon for what the user must not miss. */
    static Node callout(I18n i18n, String icon, String key, String styleClass, Object... args) {
        Label body = text(i18n, key, "callout-text", args);
        HBox.setHgrow(body, Priority.ALWAYS);
        body.setMaxWidth(Double.MAX_VALUE);
        Node glyph = Icons.of(icon);
        HBox box = new HBox(10, glyph, body);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().addAll("callout", styleClass);
        return box;
    }

    static Button button(I18n i18n, String id, String key, boolean primary) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        if (primary) {
            b.getStyleClass().add("accent");
            b.setDefaultButton(true);
        }
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** Buttons at the bottom right; {@code left} (may be null) at the bottom left. */
    static HBox buttonBar(Node left, Node... right) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8);
        bar.setAlignment(Pos.CENTER_LEFT);
        if (left != null) {
            bar.getChildren().add(left);
        }
        bar.getChildren().add(spacer);
        bar.getChildren().addAll(right);
        bar.getStyleClass().add("dialog-buttons");
        return bar;
    }

    /** A page of a registry dialog: a padded column of the given width. */
    static VBox page(Node... children) {
        VBox v = new VBox(14, children);
        v.getStyleClass().add("registry-page");
        v.setPrefWidth(WIDTH);
        v.setMaxWidth(WIDTH);
        return v;
    }
}
