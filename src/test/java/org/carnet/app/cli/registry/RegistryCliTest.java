package org.carnet.app.cli.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry commands end to end, on a real registry file. */
class RegistryCliTest {
    static final String PASS = "baobab de Kaolack 2026";

    @TempDir
    Path dir;

    StringWriter out;
    StringWriter err;
    final Map<String, String> env = new HashMap<>();

    @BeforeAll
    static void fastKdf() {
        System.setProperty(InitCommand.FAST_KDF_PROPERTY, "true");
    }

    @AfterAll
    static void normalKdf() {
        System.clearProperty(InitCommand.FAST_KDF_PROPERTY);
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

    String init() {
        env.put("CARNET_PASSPHRASE", PASS);
        assertEquals(0, run("init"), err.toString());
        Matcher m = Pattern.compile("([0-9A-Z]{4}(?:-[0-9A-Z]{4}){13})").matcher(out.toString());
        assertTrue(m.find(), out.toString());
        return m.group(1);
    }

    @Test
    void initCreatesTheRegistryAndPrintsTheRecoveryKeyOnce() throws Exception {
        String key = init();
        assertTrue(Files.exists(dir.resolve("home/registry.db")));
        assertTrue(out.toString().contains("RECOVERY KEY"));
        assertEquals(1, run("init"));
        assertTrue(err.toString().startsWith("carnet: A registry already exists"), err.toString());
        assertFalse(key.isBlank());
    }

    @Test
    void aWeakPassphraseIsRefused() {
        env.put("CARNET_PASSPHRASE", "short");
        assertEquals(1, run("init"));
        assertTrue(err.toString().contains("too weak"), err.toString());
        assertFalse(Files.exists(dir.resolve("home/registry.db")));
    }

    @Test
    void statsAsJsonHaveTheDocumentedShape() throws Exception {
        init();
        assertEquals(0, run("registry", "stats", "--json"), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(0, json.get("identities").asInt());
        assertEquals(0, json.get("review_items").asInt());
        assertEquals(0, json.get("cards").asInt());
        assertTrue(json.get("programs").isObject());
        assertEquals(0, run("registry", "stats"));
        assertTrue(out.toString().contains("Identities:"));
    }

    @Test
    void aWrongPassphraseIsOneLineAndExitOne() {
        init();
        env.put("CARNET_PASSPHRASE", "definitely not it");
        assertEquals(1, run("registry", "stats"));
        assertEquals("carnet: Wrong passphrase. Nothing was changed.", err.toString().strip());
    }

    @Test
    void commandsWithoutARegistrySayWhatToDo() {
        env.put("CARNET_PASSPHRASE", PASS);
        assertEquals(1, run("audit", "verify"));
        assertTrue(err.toString().contains("run “carnet init” first"), err.toString());
    }

    @Test
    void auditVerifyAndListWork() throws Exception {
        init();
        assertEquals(0, run("audit", "verify"), err.toString());
        assertTrue(out.toString().startsWith("Audit log intact:"), out.toString());
        assertEquals(0, run("audit", "list", "--json", "--limit", "5"));
        JsonNode list = new ObjectMapper().readTree(out.toString());
        assertTrue(list.isArray() && list.size() >= 1);
        assertEquals("registry.created", list.get(list.size() - 1).get("action").asText());
        assertEquals(0, run("audit", "list"));
        assertTrue(out.toString().contains("registry.created"));
        assertEquals(2, run("audit", "list", "--limit", "x"));
    }

    @Test
    void passphraseChangeThenOldOneFails() {
        init();
        env.put("CARNET_NEW_PASSPHRASE", "une nouvelle phrase 7");
        assertEquals(0, run("passphrase", "change"), err.toString());
        assertEquals(1, run("registry", "stats"));
        env.put("CARNET_PASSPHRASE", "une nouvelle phrase 7");
        assertEquals(0, run("registry", "stats"), err.toString());
    }

    @Test
    void backupAndRestoreWithPassphraseOrRecoveryKey() throws Exception {
        String key = init();
        Path backup = dir.resolve("usb/carnet.cbk");
        assertEquals(0, run("backup", "--out", backup.toString()), err.toString());
        assertTrue(out.toString().startsWith("Backup written:"));
        assertTrue(Files.size(backup) > 0);

        Path other = dir.resolve("laptop2");
        out = new StringWriter();
        err = new StringWriter();
        int rc = new Cli(new CliContext(env, dir.toString(), new PrintWriter(out, true), new PrintWriter(err, true),
                Locale.ENGLISH)).execute("--home", other.toString(), "restore", "--from", backup.toString());
        assertEquals(0, rc, err.toString());
        assertTrue(Files.exists(other.resolve("registry.db")));

        env.put("CARNET_RECOVERY_KEY", key);
        env.put("CARNET_NEW_PASSPHRASE", "mot de passe du terrain 3");
        assertEquals(0, run("restore", "--from", backup.toString(), "--recovery-key"), err.toString());
        assertTrue(out.toString().contains("previous registry was kept"), out.toString());
        env.put("CARNET_PASSPHRASE", "mot de passe du terrain 3");
        assertEquals(0, run("audit", "verify"), err.toString());
    }

    @Test
    void helpListsTheRegistryCommands() {
        assertEquals(0, run("help"));
        for (String c : new String[] {"init", "registry", "audit", "passphrase", "backup", "restore", "bench"}) {
            assertTrue(out.toString().lines().anyMatch(l -> l.stripLeading().startsWith(c + " ")), c);
        }
    }

    @Test
    void benchRegistryRunsOnASmallSample() {
        assertEquals(0, run("bench", "registry", "--rows", "2000", "--batch", "500"), err.toString());
        assertTrue(out.toString().contains("rows/s"), out.toString());
    }
}
