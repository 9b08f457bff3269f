package org.carnet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2Client;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.settings.AppHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carnet mapping show|suggest|set|import|export} on the demo server's programs, offline. */
class MappingCliTest {
    private static final String PASS = "fromager de Kaolack 1960";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private StringWriter out;
    private StringWriter err;
    private String vaccination;
    private String hiv;

    @BeforeEach
    void programs() throws Exception {
        try (Registry registry = Registries.create(AppHome.at(dir.resolve("home")).registryFile(), PASS.toCharArray(),
                Argon2Kdf.forTests(), AuditActor.current(AuditActor.Channel.CLI)).registry();
                DemoServer demo = DemoServer.start(DemoServerConfig.defaults().withSize(20));
                Dhis2Client client = Dhis2Clients.connect(ConnectionSettings.of(demo.baseUrl(),
                        new Credentials.Basic(demo.username(), demo.password().toCharArray())))) {
            List<ProgramInfo> saved = new ConnectionStore(registry).savePrograms(client.programs());
            vaccination = saved.stream().filter(p -> "VAC_RR".equals(p.code())).findFirst().orElseThrow().uid();
            hiv = saved.stream().filter(p -> "VIH_PEC".equals(p.code())).findFirst().orElseThrow().uid();
        }
        env.put("CARNET_PASSPHRASE", PASS);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] full = new String[args.length + 2];
        full[0] = "--home";
        full[1] = dir.resolve("home").toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return new Cli(new CliContext(env, dir.toString(), new PrintWriter(out, true), new PrintWriter(err, true),
                Locale.ENGLISH)).execute(full);
    }

    @Test
    void suggestShowSetExportImport() throws Exception {
        assertEquals(0, run("mapping", "suggest", "--program", vaccination), err.toString());
        assertTrue(out.toString().contains("first_name") && out.toString().contains("MMD_PER_NAM"), out.toString());
        assertEquals(0, run("mapping", "show", "--program", vaccination));
        assertTrue(out.toString().contains("no saved mapping, suggestions in use"), out.toString());

        assertEquals(0, run("mapping", "set", "--program", vaccination, "address=MMD_PER_ADR",
                "beneficiary_id="), err.toString());
        assertTrue(out.toString().contains("Mapping saved as version 1."), out.toString());
        assertEquals(0, run("mapping", "show", "--program", vaccination, "--json"));
        assertTrue(out.toString().contains("\"version\" : 1"), out.toString());
        assertTrue(out.toString().contains("\"unmapped\" : [ \"beneficiary_id\" ]"), out.toString());

        assertEquals(0, run("mapping", "set", "--program", vaccination, "--by-name", "last_name=Nom"));
        Path file = dir.resolve("vaccination.json");
        assertEquals(0, run("mapping", "export", "--program", vaccination, "--out", file.toString()));
        assertTrue(Files.readString(file).contains("\"by\" : \"name\""));
        assertEquals(0, run("mapping", "import", "--program", vaccination, "--file", file.toString()), err.toString());
        assertTrue(out.toString().contains("version 3"), out.toString());
    }

    @Test
    void aGuardedAttributeOnACardIsRefusedWithTheReason() {
        assertNotEquals(0, run("mapping", "set", "--program", hiv, "beneficiary_id=HIV_NUM_TARV"));
        assertTrue(out.toString().contains("guarded as HIV_AIDS"), out.toString());
        assertTrue(err.toString().contains("blocking problem"), err.toString());
        assertNotEquals(0, run("mapping", "set", "--program", hiv, "nonsense"));
        assertTrue(err.toString().contains("is not FIELD=SOURCE"), err.toString());
        assertNotEquals(0, run("mapping", "show", "--program", "NoProgram01"));
        assertTrue(err.toString().contains("not saved in this registry"), err.toString());
    }
}
