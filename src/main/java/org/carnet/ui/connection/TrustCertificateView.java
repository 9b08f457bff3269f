package org.carnet.ui.connection;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.carnet.core.dhis2.CertificateInfo;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;

/**
 * "Trust this certificate?": the SHA-256 fingerprint to compare with the one the DHIS2 administrator gives, subject,
 * issuer and validity. Trusting pins the certificate for this server only.
 */
final class TrustCertificateView extends VBox {
    TrustCertificateView(I18n i18n, CertificateInfo cert, boolean expired, Runnable onTrust, Runnable onCancel) {
        setId("trustCertificateView");
        getStyleClass().addAll("registry-dialog", "registry-page");
        setSpacing(12);
        setPrefWidth(560);
        Label title = new Label(i18n.get("connection.trust.title"));
        title.getStyleClass().add("dialog-title");
        Label intro = new Label(i18n.get("connection.trust.intro"));
        intro.getStyleClass().add("dialog-body");
        intro.setWrapText(true);
        TextArea fingerprint = new TextArea(cert.sha256Fingerprint());
        fingerprint.setId("trustFingerprint");
        fingerprint.setEditable(false);
        fingerprint.setWrapText(true);
        fingerprint.setPrefRowCount(2);
        fingerprint.getStyleClass().add("fingerprint");
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale())
                .withZone(ZoneId.systemDefault());
        GridPane details = new GridPane();
        details.getStyleClass().add("key-value-grid");
        details.setHgap(12);
        details.setVgap(6);
        int row = 0;
        row = ConnectionView.keyValue(details, row, i18n.get("connection.trust.subject"), cert.subject(), "trustSubject");
        row = ConnectionView.keyValue(details, row, i18n.get("connection.trust.issuer"), cert.selfSigned()
                ? i18n.get("connection.trust.selfSigned") : cert.issuer(), "trustIssuer");
        ConnectionView.keyValue(details, row, i18n.get("connection.trust.validity"), i18n.get(
                "connection.trust.validityRange", date.format(cert.notBefore()), date.format(cert.notAfter())),
                "trustValidity");
        VBox body = new VBox(8, title, intro, label(i18n, "connection.trust.fingerprint"), fingerprint, details);
        if (expired) {
            Label warn = new Label(i18n.get("connection.trust.expired"), Icons.of(Icons.WARNING));
            warn.getStyleClass().add("form-warning");
            warn.setWrapText(true);
            body.getChildren().add(warn);
        }
        Label advice = new Label(i18n.get("connection.trust.advice"));
        advice.getStyleClass().add("form-hint");
        advice.setWrapText(true);
        Button trust = new Button(i18n.get("connection.trust.confirm"));
        trust.setId("trustConfirm");
        trust.getStyleClass().add("accent");
        trust.setOnAction(e -> onTrust.run());
        Button cancel = new Button(i18n.get("connection.cancel"));
        cancel.setId("trustCancel");
        cancel.setCancelButton(true);
        cancel.setDefaultButton(true);
        cancel.setOnAction(e -> onCancel.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, grow, cancel, trust);
        buttons.getStyleClass().add("dialog-buttons");
        getChildren().addAll(body, advice, buttons);
    }

    private static Label label(I18n i18n, String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("form-label");
        return l;
    }
}
