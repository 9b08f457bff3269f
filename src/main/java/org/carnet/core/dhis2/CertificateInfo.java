package org.carnet.core.dhis2;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person needs to decide whether to trust a server certificate: its SHA-256 fingerprint, subject, issuer and
 * validity. Holds the DER encoding so the certificate can be pinned once the person agrees.
 */
public record CertificateInfo(String sha256Fingerprint, String subject, String issuer, Instant notBefore,
        Instant notAfter, boolean selfSigned, byte[] der) {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    public CertificateInfo {
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    /** Whether the certificate is valid at {@code now}. */
    public boolean validAt(Instant now) {
        return !now.isBefore(notBefore) && !now.isAfter(notAfter);
    }

    /** Whether {@code fingerprint} (hex, with or without colons or spaces, any case) is this certificate's. */
    public boolean matches(String fingerprint) {
        return fingerprint != null && normalizeFingerprint(fingerprint).equals(normalizeFingerprint(sha256Fingerprint));
    }

    /** Lower-case hex without separators. */
    public static String normalizeFingerprint(String fingerprint) {
        return fingerprint.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
    }

    /** Reads one DER-encoded X.509 certificate. */
    public static CertificateInfo of(byte[] der) throws CertificateException {
        return of(x509(der));
    }

    public static CertificateInfo of(X509Certificate cert) throws CertificateException {
        byte[] der = cert.getEncoded();
        return new CertificateInfo(fingerprint(der), cert.getSubjectX500Principal().getName(),
                cert.getIssuerX500Principal().getName(), cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(), cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal()),
                der);
    }

    /** Every certificate of a PEM text (one or more {@code BEGIN CERTIFICATE} blocks). */
    public static List<CertificateInfo> fromPem(String pem) throws CertificateException {
        List<CertificateInfo> out = new ArrayList<>();
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new CertificateException("invalid base64 in PEM block");
            }
            out.add(of(der));
        }
        if (out.isEmpty()) {
            throw new CertificateException("no PEM certificate block");
        }
        return out;
    }

    /** The certificate as an X.509 object. */
    public X509Certificate toX509() throws CertificateException {
        return x509(der);
    }

    private static X509Certificate x509(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /** {@code AB:CD:…} upper-case, as browsers show it. */
    public static String fingerprint(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateInfo c && c.sha256Fingerprint.equals(sha256Fingerprint);
    }

    @Override
    public int hashCode() {
        return sha256Fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "Certificate[" + subject + ", sha256=" + sha256Fingerprint + "]";
    }
}
