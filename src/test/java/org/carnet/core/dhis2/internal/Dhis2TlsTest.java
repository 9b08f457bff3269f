package org.carnet.core.dhis2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.carnet.core.dhis2.CertificateInfo;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.dhis2.Dhis2TlsException;
import org.carnet.core.dhis2.ServerTrust;
import org.junit.jupiter.api.Test;

/**
 * TLS against a loopback https server with certificates made in the test: untrusted by default with the details a
 * person needs, trusted once pinned or once its CA is imported, host names still verified, never "trust all".
 */
class Dhis2TlsTest {
    static HeldCertificate selfSigned(String... names) {
        HeldCertificate.Builder b = new HeldCertificate.Builder().commonName("dhis2.sante.example")
                .organizationalUnit("Ministère de la Santé").duration(30, java.util.concurrent.TimeUnit.DAYS);
        for (String n : names) {
            b.addSubjectAlternativeName(n);
        }
        return b.build();
    }

    static FixtureServer https(HeldCertificate cert, HeldCertificate... chain) throws Exception {
        HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(cert,
                java.util.Arrays.stream(chain).map(HeldCertificate::certificate)
                        .toArray(java.security.cert.X509Certificate[]::new)).build();
        return new FixtureServer("2.41.0.1", server.sslSocketFactory());
    }

    static HttpDhis2Client client(FixtureServer s, ServerTrust trust) throws Exception {
        return new HttpDhis2Client(ConnectionSettings.of(s.url(), Dhis2ClientContractTest.basic()).withTrust(trust)
                .withRetries(0, Duration.ofMillis(1)), d -> { });
    }

    @Test
    void aSelfSignedServerIsRefusedWithItsCertificateDetailsThenWorksOncePinned() throws Exception {
        HeldCertificate cert = selfSigned("127.0.0.1", "localhost");
        try (FixtureServer s = https(cert)) {
            assertTrue(s.url().startsWith("https://127.0.0.1:"));
            Dhis2TlsException e;
            try (HttpDhis2Client c = client(s, ServerTrust.SYSTEM)) {
                e = assertThrows(Dhis2TlsException.class, c::testConnection);
            }
            assertEquals(Dhis2TlsException.Reason.UNTRUSTED, e.reason());
            assertEquals(0, s.server.getRequestCount(), "no request went over the untrusted connection");
            CertificateInfo info = e.certificate().orElseThrow();
            assertEquals(CertificateInfo.fingerprint(cert.certificate().getEncoded()), info.sha256Fingerprint());
            assertTrue(info.subject().contains("CN=dhis2.sante.example"), info.subject());
            assertEquals(info.subject(), info.issuer());
            assertTrue(info.selfSigned());
            assertTrue(info.validAt(Instant.now()));
            assertTrue(info.matches(info.sha256Fingerprint().replace(":", "").toLowerCase()));
            assertTrue(e.args()[1].toString().equals(info.sha256Fingerprint()), "the message shows the fingerprint");

            try (HttpDhis2Client pinned = client(s, ServerTrust.SYSTEM.withPinned(info))) {
                assertEquals("2.41.0.1", pinned.testConnection().server().version().raw());
            }
        }
    }

    @Test
    void pinningAnotherCertificateDoesNotTrustThisServer() throws Exception {
        HeldCertificate cert = selfSigned("127.0.0.1");
        CertificateInfo other = CertificateInfo.of(selfSigned("127.0.0.1").certificate());
        try (FixtureServer s = https(cert); HttpDhis2Client c = client(s, ServerTrust.SYSTEM.withPinned(other))) {
            assertEquals(Dhis2TlsException.Reason.UNTRUSTED,
                    assertThrows(Dhis2TlsException.class, c::serverInfo).reason());
        }
    }

    @Test
    void anImportedCaCertificateTrustsTheServersItSigned() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("ANSD Root CA").build();
        HeldCertificate leaf = new HeldCertificate.Builder().signedBy(ca).commonName("dhis2")
                .addSubjectAlternativeName("127.0.0.1").build();
        try (FixtureServer s = https(leaf, ca)) {
            try (HttpDhis2Client c = client(s, ServerTrust.SYSTEM)) {
                assertThrows(Dhis2TlsException.class, c::serverInfo);
            }
            List<CertificateInfo> imported = CertificateInfo.fromPem("some text before\n" + ca.certificatePem());
            assertEquals(1, imported.size());
            try (HttpDhis2Client c = client(s, ServerTrust.SYSTEM.withAuthorities(imported))) {
                assertEquals("2.41.0.1", c.serverInfo().version().raw());
            }
        }
    }

    @Test
    void hostNamesAreStillVerified() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Test CA").build();
        HeldCertificate leaf = new HeldCertificate.Builder().signedBy(ca).commonName("elsewhere")
                .addSubjectAlternativeName("dhis2.elsewhere.example").build();
        try (FixtureServer s = https(leaf, ca);
                HttpDhis2Client c = client(s, ServerTrust.SYSTEM.withAuthorities(
                        List.of(CertificateInfo.of(ca.certificate()))))) {
            Dhis2TlsException e = assertThrows(Dhis2TlsException.class, c::serverInfo);
            assertEquals(Dhis2TlsException.Reason.HOSTNAME_MISMATCH, e.reason());
            assertFalse(e.certificate().isEmpty());
        }
    }

    @Test
    void theProbeReadsTheCertificateWithoutSendingARequest() throws Exception {
        HeldCertificate cert = selfSigned("127.0.0.1");
        try (FixtureServer s = https(cert)) {
            CertificateInfo info = Dhis2Clients.probeCertificate(URI.create(s.url()), Duration.ofSeconds(5));
            assertEquals(CertificateInfo.fingerprint(cert.certificate().getEncoded()), info.sha256Fingerprint());
            assertEquals(0, s.server.getRequestCount());
        }
    }

    @Test
    void malformedPemIsRejected() {
        assertThrows(java.security.cert.CertificateException.class, () -> CertificateInfo.fromPem("not a cert"));
        assertThrows(java.security.cert.CertificateException.class, () -> CertificateInfo.fromPem(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));
    }
}
