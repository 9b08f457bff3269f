package org.carnet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.export.SensitiveFixtures;
import org.carnet.core.guard.Redactor;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.EnrollmentRecord;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.settings.AppHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The guard's promise, end to end: a registry holds enrollments with values in all seven sensitive categories (and
 * names, a date of birth and a phone number); every command that logs or exports runs with a capturing filter that
 * sees every log call at every level before any masking; none of those values is found in the captured calls, the
 * log files, the console, the exports, the backup or the registry file.
 */
class PrivacyLeakIT {
    private static final String PASS = "fromager de Kaolack 1960";

    @TempDir
    Path dir;

    private final StringBuilder console = new StringBuilder();
    private final Map<String, String> env = new HashMap<>();
    private final List<Path> written = new ArrayList<>();
    private LogCapture capture;

    @BeforeEach
    void fill() throws Exception {
        capture = new LogCapture();
        Registry registry = Registries.create(home().registryFile(), PASS.toCharArray(), Argon2Kdf.forTests(),
                AuditActor.current(AuditActor.Channel.CLI)).registry();
        try (registry) {
            SensitiveFixtures.fill(registry, 12);
        }
        env.put("CARNET_PASSPHRASE", PASS);
    }

    @AfterEach
    void reset() {
        capture.close();
        Redactor.global().clearSensitive();
    }

    private AppHome home() {
        return AppHome.at(dir.resolve("home"));
    }

    private int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> full = new ArrayList<>(List.of("--debug", "--home", home().root().toString()));
        full.addAll(List.of(args));
        int code = new Cli(new CliContext(env, dir.toString(), new PrintWriter(out, true), new PrintWriter(err, true),
                Locale.FRENCH)).execute(full.toArray(String[]::new));
        console.append(out).append(err);
        return code;
    }

    private Path out(String name) {
        Path p = dir.resolve(name);
        written.add(p);
        return p;
    }

    @Test
    void noSensitiveOrIdentifyingValueLeavesTheRegistry() throws Exception {
        String p = SensitiveFixtures.PROGRAM;
        assertEquals(0, run("programs"));
        assertEquals(0, run("programs", "--json"));
        assertEquals(0, run("guard", "list", "--all"));
        assertEquals(0, run("guard", "set", "--program", p, "--attribute", "AttrLanguag", "--category", "STI"));
        assertEquals(0, run("guard", "set", "--program", p, "--attribute", "AttrLanguag", "--category", "NONE",
                "--reason", "Langue parlée, pas une information médicale"));
        assertNotEquals(0, run("guard", "set", "--program", p, "--attribute", "AttrHivStat", "--category", "NONE"));
        assertEquals(0, run("guard", "label", "--program", p, "--label", "Carte de santé"));
        assertEquals(0, run("export", "--program", p, "--format", "csv", "--out", out("export.csv").toString()));
        assertEquals(0, run("export", "--program", p, "--format", "json", "--out", out("export.json").toString()));
        assertNotEquals(0, run("export", "--program", p, "--out", dir.resolve("missing/export.csv").toString()));
        assertNotEquals(0, run("export", "--program", "NoProgram01", "--out", out("none.csv").toString()));
        assertEquals(0, run("registry", "stats"));
        assertEquals(0, run("mpi", "stats"));
        assertEquals(0, run("mpi", "export", "--out", out("links.csv").toString()));
        assertEquals(0, run("audit", "list"));
        assertEquals(0, run("audit", "verify"));
        assertEquals(0, run("backup", "--out", out("backup.carnet").toString()));

        // reading the values back and handing them to logs, exceptions and JSON by mistake
        org.slf4j.Logger log = LoggerFactory.getLogger("org.carnet.test.Careless");
        try (Registry registry = Registries.open(home().registryFile(), PASS.toCharArray(),
                AuditActor.current(AuditActor.Channel.CLI))) {
            List<EnrollmentRecord> all = new ArrayList<>();
            registry.forEachEnrollment(p, all::add);
            assertEquals(12, all.size());
            for (EnrollmentRecord e : all) {
                log.trace("enrollment {} values {}", e, e.values());
                log.trace("failed on {}", e.values(), new IllegalStateException("bad value " + e.values()));
                assertThrows(Exception.class, () -> new ObjectMapper().writeValueAsString(e));
            }
            log.warn("sync failed on {}", all.get(0), new IllegalStateException("bad " + all.get(0).values()));
            long sensitive = all.get(0).values().stream().filter(v -> v.category().isSensitive()).count();
            assertEquals(7, sensitive);
            assertEquals(SensitiveCategory.values().length - 1, all.get(0).values().stream()
                    .map(EnrollmentRecord.Value::category).filter(SensitiveCategory::isSensitive).distinct().count());
        }

        assertTrue(console.toString().contains("Carte de santé"), console.toString());
        assertTrue(!capture.text().isEmpty(), "the capture saw the commands' logging");
        Map<String, String> places = new HashMap<>();
        places.put("log calls", capture.text());
        places.put("console", console.toString());
        for (Path f : written) {
            if (Files.exists(f)) {
                places.put(f.getFileName().toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        try (Stream<Path> files = Files.walk(home().root())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                places.put(home().root().relativize(f).toString(), new String(Files.readAllBytes(f),
                        StandardCharsets.UTF_8) + "\n" + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(places.keySet().stream().anyMatch(k -> k.endsWith("carnet.log")), places.keySet().toString());
        List<String> leaks = new ArrayList<>();
        for (String secret : SensitiveFixtures.secrets()) {
            for (Map.Entry<String, String> place : places.entrySet()) {
                if (place.getValue().contains(secret)) {
                    leaks.add(secret + " in " + place.getKey());
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(Files.readString(dir.resolve("export.csv")).contains("Wolof"), "plain values are exported");
        assertFalse(Files.exists(dir.resolve("missing")), "a failed export leaves nothing behind");
    }
}
