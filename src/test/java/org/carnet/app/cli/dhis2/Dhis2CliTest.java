package org.carnet.app.cli.dhis2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.core.dhis2.CertificateInfo;
import org.carnet.core.dhis2.internal.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carnet connect}, {@code carnet dhis2 test} and {@code carnet programs} end to end on a real registry. */
class Dhis2CliTest {
    static final String PASS = "baobab de Kaolack 2026";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    StringWriter out;
    StringWriter err;
    final Map<String, String> env = new HashMap<>();

    @BeforeAll
    static void fastKdf() {
        System.setProperty("carnet.test.fastKdf", "true");
    }

    @AfterAll
    static void normalKdf() {
        System.clearProperty("carnet.test.fastKdf");
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] full = new String[args.length + 2];
        full[0] = "--home";
        full[1] = dir.resolve("home").toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return new Cli(new CliContext(env, dir.toString(), new PrintWriter(out, true), new PrintWriter(err, true),
                Locale.ENGLISH)).execute(full);
    }

    void init() {
        env.put("CARNET_PASSPHRASE", PASS);
        env.put("DHIS2_PW", FixtureServer.PASSWORD);
        assertEquals(0, run("init"), err.toString());
    }

    @Test
    void connectSavesTheConnectionAndTheProgramsThenWorksOffline() throws Exception {
        init();
        try (FixtureServer s = new FixtureServer("2.41.0.1")) {
            assertEquals(0, run("connect", "--url", s.url() + "api/", "--user", "admin", "--password-env", "DHIS2_PW",
                    "--json"), err.toString());
            JsonNode r = JSON.readTree(out.toString());
            assertEquals("connected", r.get("status").asText());
            assertEquals("2.41.0.1", r.get("dhis2_version").asText());
            assertEquals("2024-07-26T18:01:27.683", r.get("server_date").asText());
            assertEquals(2, r.get("programmes_available").asInt());
            assertEquals("android", r.get("user").asText());
            assertEquals("YuQRtpLP10I", r.get("org_units").get(0).get("id").asText());

            assertEquals(0, run("dhis2", "test", "--json"), err.toString());
            assertEquals("connected", JSON.readTree(out.toString()).get("status").asText());
            assertTrue(s.requests.stream().allMatch(q -> q.getMethod().equals("GET")));
        }
        assertEquals(0, run("programs", "--json"), err.toString());
        JsonNode programs = JSON.readTree(out.toString());
        assertEquals(2, programs.size());
        JsonNode first = programs.get(0);
        assertTrue(first.has("id") && first.has("name") && first.has("code") && first.has("attributes"));
        JsonNode attr = first.get("attributes").get(0);
        assertTrue(attr.has("id") && attr.has("code") && attr.has("displayName") && attr.has("valueType"));
        assertEquals(0, run("programs"), err.toString());
        assertTrue(out.toString().contains("IpHINAT79UW"));

        byte[] file = Files.readAllBytes(dir.resolve("home").resolve("registry.db"));
        String raw = new String(file, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains(FixtureServer.PASSWORD), "the password is encrypted");
        assertFalse(raw.contains("Child Programme") || raw.contains("127.0.0.1"), "metadata and URL are encrypted");
    }

    @Test
    void failuresAreOneClearLine() throws Exception {
        init();
        try (FixtureServer s = new FixtureServer("2.40.4.1")) {
            env.put("BAD_PW", "wrong");
            assertEquals(1, run("connect", "--url", s.url(), "--user", "admin", "--password-env", "BAD_PW"));
            assertTrue(err.toString().contains("refused the username or password"), err.toString());
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertFalse(err.toString().contains("wrong"));
        }
        assertEquals(1, run("dhis2", "test"));
        assertTrue(err.toString().contains("carnet connect"), err.toString());
        assertEquals(2, run("connect", "--url", "http://x"), "auth options are required");
        assertEquals(1, run("connect", "--url", "ftp://server", "--token-env", "DHIS2_PW"));
        assertTrue(err.toString().contains("not a valid server address"), err.toString());
    }

    @Test
    void aSelfSignedServerIsTrustedOnlyWithItsFingerprintAndStaysPinned() throws Exception {
        init();
        HeldCertificate cert = new HeldCertificate.Builder().commonName("dhis2.sante.sn")
                .addSubjectAlternativeName("127.0.0.1").build();
        HandshakeCertificates tls = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        try (FixtureServer s = new FixtureServer("2.39.5", tls.sslSocketFactory())) {
            String fingerprint = CertificateInfo.fingerprint(cert.certificate().getEncoded());
            assertEquals(1, run("connect", "--url", s.url(), "--user", "admin", "--password-env", "DHIS2_PW"));
            assertTrue(err.toString().contains(fingerprint), err.toString());
            assertTrue(err.toString().contains("--trust-fingerprint"), err.toString());
            String other = fingerprint.replace(fingerprint.charAt(0), fingerprint.charAt(0) == 'A' ? 'B' : 'A');
            assertEquals(1, run("connect", "--url", s.url(), "--user", "admin", "--password-env", "DHIS2_PW",
                    "--trust-fingerprint", other));
            assertEquals(0, run("connect", "--url", s.url(), "--user", "admin", "--password-env", "DHIS2_PW",
                    "--trust-fingerprint", CertificateInfo.normalizeFingerprint(fingerprint)), err.toString());
            assertEquals(0, run("dhis2", "test"), err.toString());
            assertTrue(out.toString().contains("2.39.5"), out.toString());
        }
    }
}
