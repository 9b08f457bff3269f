package org.carnet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.demo.DemoProgramKind;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2Client;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.dhis2.DownloadRequest;
import org.carnet.core.dhis2.TrackedEntity;
import org.carnet.core.guard.Redactor;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.settings.AppHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code carnet connect}, {@code sync}, {@code sync history}, {@code registry stats} and {@code export} on the demo
 * server's HIV programme, whose attributes cover the seven sensitive categories: the run record has the documented
 * keys, a second run creates nothing, and no sensitive value the server sent is found in the captured log calls, the
 * log files, the console or the export.
 */
class SyncCliIT {
    private static final String PASS = "fromager de Kaolack 1960";

    @TempDir
    Path dir;

    private DemoServer demo;
    private LogCapture capture;
    private final Map<String, String> env = new HashMap<>();
    private final StringBuilder console = new StringBuilder();
    private String out;
    private String err;

    @BeforeEach
    void start() throws Exception {
        capture = new LogCapture();
        demo = DemoServer.start(DemoServerConfig.defaults().withSize(300));
        Registries.create(AppHome.at(dir.resolve("home")).registryFile(), PASS.toCharArray(), Argon2Kdf.forTests(),
                AuditActor.current(AuditActor.Channel.CLI)).registry().close();
        env.put("CARNET_PASSPHRASE", PASS);
        env.put("DHIS2_PASSWORD", demo.password());
    }

    @AfterEach
    void stop() {
        capture.close();
        demo.close();
        Redactor.global().clearSensitive();
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        List<String> full = new ArrayList<>(List.of("--debug", "--home", dir.resolve("home").toString()));
        full.addAll(List.of(args));
        int code = new Cli(new CliContext(env, dir.toString(), new PrintWriter(o, true), new PrintWriter(e, true),
                Locale.ENGLISH)).execute(full.toArray(String[]::new));
        out = o.toString();
        err = e.toString();
        console.append(out).append(err);
        return code;
    }

    /** The distinctive sensitive values the server holds for the HIV programme (what must never leave). */
    private Set<String> sensitiveValues(String programUid, List<ProgramInfo.Attribute> guarded) throws Exception {
        Set<String> values = new HashSet<>();
        try (Dhis2Client client = Dhis2Clients.connect(ConnectionSettings.of(demo.baseUrl(), new Credentials.Basic(
                demo.username(), demo.password().toCharArray())))) {
            client.download(DownloadRequest.full(programUid), (page, entities, expected) -> {
                for (TrackedEntity te : entities) {
                    for (ProgramInfo.Attribute a : guarded) {
                        te.value(a.uid()).filter(v -> v.length() >= 6 && !v.matches("[A-Z_]+"))
                                .ifPresent(values::add);
                    }
                }
            });
        }
        return values;
    }

    @Test
    void syncRecordsAndLeaksNothing() throws Exception {
        assertEquals(0, run("connect", "--url", demo.baseUrl(), "--user", demo.username(), "--password-env",
                "DHIS2_PASSWORD"), err);
        String hiv = demo.dataset().programUid(DemoProgramKind.HIV_CARE);
        assertEquals(0, run("sync", "--program", hiv, "--json"), err + out);
        JsonNode first = new ObjectMapper().readTree(out);
        for (String key : List.of("status", "fetched", "created", "updated", "unchanged", "deleted", "mpi_linked",
                "mpi_review", "mpi_new", "sensitive_blocked", "duration_ms", "suggested_mapping")) {
            assertTrue(first.has(key), key + " in " + out);
        }
        assertEquals("success", first.get("status").asText());
        assertTrue(first.get("created").asLong() > 0);
        assertTrue(first.get("sensitive_blocked").asLong() > 0);
        assertTrue(first.get("suggested_mapping").asBoolean());

        assertEquals(0, run("sync", "--program", hiv), err);
        assertTrue(out.contains("created 0"), out);
        assertTrue(out.contains("suggested mapping was used"), out);
        assertEquals(0, run("sync", "history", "--json"));
        assertEquals(2, new ObjectMapper().readTree(out).size());
        assertEquals(0, run("registry", "stats", "--json"));
        JsonNode stats = new ObjectMapper().readTree(out).get("programs").get(hiv);
        assertEquals(first.get("created").asLong(), stats.get("enrollments").asLong());
        assertTrue(stats.get("tracked_entities").asLong() > 0);
        Path export = dir.resolve("hiv.csv");
        assertEquals(0, run("export", "--program", hiv, "--out", export.toString()), err);
        assertNotEquals(0, run("sync", "--program", "NoProgram01", "--json"));
        assertEquals("failed", new ObjectMapper().readTree(out).get("status").asText());

        List<ProgramInfo.Attribute> guarded;
        try (Registry r = Registries.open(AppHome.at(dir.resolve("home")).registryFile(), PASS.toCharArray(),
                AuditActor.current(AuditActor.Channel.CLI))) {
            guarded = new org.carnet.core.connection.ProgramGuards(r).program(hiv).orElseThrow().guardedAttributes();
        }
        assertTrue(guarded.size() >= 7);
        Set<String> secrets = sensitiveValues(hiv, guarded);
        assertTrue(secrets.size() > 10, "the demo holds distinctive sensitive values: " + secrets.size());
        Map<String, String> places = new HashMap<>();
        places.put("log calls", capture.text());
        places.put("console", console.toString());
        places.put("export", Files.readString(export, StandardCharsets.UTF_8));
        try (Stream<Path> logs = Files.walk(dir.resolve("home").resolve("logs"))) {
            for (Path f : logs.filter(Files::isRegularFile).toList()) {
                places.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            places.forEach((where, text) -> {
                if (text.contains(secret)) {
                    leaks.add(where);
                }
            });
        }
        assertEquals(List.of(), leaks);
        assertFalse(capture.text().isEmpty());
    }
}
