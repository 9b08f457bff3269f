package org.carnet.uikit;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/**
 * The small controls every tab builds the same way, their text bound to the language: a hint, a form label, a section
 * title, a button with an id, a text table column whose cut-short cells show their whole text on hover.
 */
public final class Controls {
    private Controls() {
    }

    /** A wrapping hint in the muted style. */
    public static Label hint(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add("form-hint");
        l.setWrapText(true);
        return l;
    }

    /** A form field's label. */
    public static Label formLabel(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add("form-label");
        return l;
    }

    /** A card's title. */
    public static Label section(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    /** A button with an id (for tests and accessibility) and a translated text. */
    public static Button button(I18n i18n, String id, String key) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        return b;
    }

    /** A text column; {@code width} is its preferred width; a cell cut short shows its whole text on hover. */
    public static <S> TableColumn<S, String> textColumn(I18n i18n, String key, double width, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.text(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return c;
    }
}
