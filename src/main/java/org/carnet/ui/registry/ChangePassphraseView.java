package org.carnet.ui.registry;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.carnet.core.common.AppException;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.WrongPassphraseException;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.MessageLine;
import org.carnet.uikit.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File › Change passphrase: the current one, the new one twice with the meter; the core re-wraps the key. */
public final class ChangePassphraseView extends VBox {
    private static final Logger LOG = LoggerFactory.getLogger(ChangePassphraseView.class);

    private final PasswordField current = new PasswordField();
    private final NewPassphraseFields next;
    private final MessageLine message;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty done = new SimpleBooleanProperty(this, "done");

    public ChangePassphraseView(I18n i18n, TaskRunner tasks, Registry registry, Runnable onClose) {
        setId("changePassphraseView");
        getStyleClass().add("registry-dialog");
        current.setId("changeCurrent");
        current.disableProperty().bind(busy.or(done));
        next = new NewPassphraseFields(i18n, "passphraseui.new", "changeNew", "changeConfirm");
        next.prepend(i18n, "passphraseui.current", current);
        next.passphraseField().disableProperty().bind(busy.or(done));
        next.confirmField().disableProperty().bind(busy.or(done));
        message = new MessageLine(i18n);
        message.setId("changeMessage");

        Button submit = Forms.button(i18n, "changeSubmit", "registryui.change.submit", true);
        submit.disableProperty().bind(busy.or(done).or(current.textProperty().isEmpty()).or(next.validProperty().not()));
        submit.visibleProperty().bind(done.not());
        submit.managedProperty().bind(done.not());
        Button close = Forms.button(i18n, "changeCancel", "registryui.cancel", false);
        close.textProperty().unbind();
        close.textProperty().bind(javafx.beans.binding.Bindings.when(done).then(i18n.text("registryui.close"))
                .otherwise(i18n.text("registryui.cancel")));
        close.setCancelButton(true);
        close.disableProperty().bind(busy);
        close.setOnAction(e -> onClose.run());
        done.addListener((o, a, b) -> close.setDefaultButton(b));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.setMaxSize(22, 22);
        spinner.visibleProperty().bind(busy);
        spinner.managedProperty().bind(busy);

        submit.setOnAction(e -> {
            char[] cur = NewPassphraseFields.chars(current);
            char[] nxt = next.passphrase();
            if (NewPassphraseFields.contentEquals(java.nio.CharBuffer.wrap(cur), java.nio.CharBuffer.wrap(nxt))) {
                NewPassphraseFields.wipe(cur);
                NewPassphraseFields.wipe(nxt);
                message.show(MessageLine.Kind.ERROR, "registryui.change.same");
                return;
            }
            busy.set(true);
            message.clear();
            tasks.run("registry-change-passphrase", progress -> {
                try {
                    registry.changePassphrase(cur, nxt);
                    return Boolean.TRUE;
                } finally {
                    NewPassphraseFields.wipe(cur);
                    NewPassphraseFields.wipe(nxt);
                }
            }, ok -> {
                busy.set(false);
                done.set(true);
                current.clear();
                next.clear();
                LOG.info("Registry passphrase changed");
                message.show(MessageLine.Kind.SUCCESS, "registryui.change.done");
                close.requestFocus();
            }, error -> {
                busy.set(false);
                if (error instanceof WrongPassphraseException) {
                    message.show(MessageLine.Kind.ERROR, "registryui.change.wrongCurrent");
                    current.clear();
                    current.requestFocus();
                } else if (error instanceof AppException ae) {
                    LOG.warn("Passphrase not changed: {}", ae.messageKey());
                    message.show(MessageLine.Kind.ERROR, ae);
                } else {
                    LOG.error("Passphrase change failed unexpectedly", error);
                    message.show(MessageLine.Kind.ERROR, "registryui.error.unexpected");
                }
            });
        });

        VBox page = Forms.page(
                Forms.header(i18n, Icons.KEY, "registryui.change.title", "registryui.change.subtitle", null),
                next,
                Forms.callout(i18n, Icons.SHIELD, "registryui.change.note", "callout-info"),
                message,
                Forms.buttonBar(null, spinner, close, submit));
        getChildren().add(page);
    }
}
