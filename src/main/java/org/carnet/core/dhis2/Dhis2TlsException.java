package org.carnet.core.dhis2;

import java.util.Optional;

/**
 * The server's TLS certificate is not trusted (self-signed, unknown CA, expired) or does not match the host name.
 * When the server's certificate could be read, {@link #certificate()} holds what the admin needs to decide whether to
 * trust it (fingerprint, subject, issuer, validity).
 */
public final class Dhis2TlsException extends Dhis2Exception {
    /** What went wrong with TLS. */
    public enum Reason { UNTRUSTED, HOSTNAME_MISMATCH, HANDSHAKE }

    private final Reason reason;
    private final transient CertificateInfo certificate;

    public Dhis2TlsException(Reason reason, String host, CertificateInfo certificate, String detail, Throwable cause) {
        super("dhis2.error.tls." + reason.name().toLowerCase(java.util.Locale.ROOT), detail, cause, host,
                certificate == null ? "?" : certificate.sha256Fingerprint());
        this.reason = reason;
        this.certificate = certificate;
    }

    public Reason reason() {
        return reason;
    }

    public Optional<CertificateInfo> certificate() {
        return Optional.ofNullable(certificate);
    }

    @Override
    public String category() {
        return "tls_untrusted";
    }
}
