package org.carnet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line conventions: help, version, exit codes, one-line errors, stack traces only with --debug. */
class CliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Locale locale, Map<String, String> env, String... args) {
        CliContext ctx = new CliContext(env, dir.toString(), new PrintWriter(out, true), new PrintWriter(err, true), locale);
        return new Cli(ctx).execute(args);
    }

    private int run(String... args) {
        return run(Locale.ENGLISH, Map.of(), args);
    }

    @Test
    void helpListsEveryCommandWithOneLineEach() {
        assertEquals(0, run("help"));
        String text = out.toString();
        assertTrue(text.contains("Commands:"), text);
        for (String cmd : new String[] {"help", "info", "self-test"}) {
            assertTrue(text.lines().anyMatch(l -> l.stripLeading().startsWith(cmd + " ")), cmd + " missing:\n" + text);
        }
        assertEquals("", err.toString());
    }

    @Test
    void helpIsLocalised() {
        assertEquals(0, run(Locale.FRENCH, Map.of(), "help"));
        assertTrue(out.toString().contains("Commandes\u00a0:"), out.toString());
        assertTrue(out.toString().contains("Afficher la liste des commandes"), out.toString());
    }

    @Test
    void versionPrintsTheVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("Carnet "), out.toString());
    }

    @Test
    void unknownCommandIsOneLineOnStderrAndExitTwo() {
        assertEquals(2, run("frobnicate"));
        String e = err.toString().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("carnet: unknown command"), e);
        assertEquals("", out.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("info", "--bogus"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void aFailingCommandIsOneLineAndExitOneWithoutStackTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertEquals(1, run("--home", file.resolve("sub").toString(), "self-test"));
        String e = err.toString().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("carnet: Cannot create the home folder"), e);
        assertFalse(e.contains("\tat "), e);
    }

    @Test
    void debugAddsTheStackTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertEquals(1, run("--debug", "--home", file.resolve("sub").toString(), "self-test"));
        assertTrue(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void infoUsesHomeFromOptionThenEnvironment() {
        assertEquals(0, run(Locale.ENGLISH, Map.of("CARNET_HOME", dir.resolve("env").toString()), "info"));
        assertTrue(out.toString().contains(dir.resolve("env").toString()), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run(Locale.ENGLISH, Map.of("CARNET_HOME", dir.resolve("env").toString()),
                "--home", dir.resolve("opt").toString(), "info"));
        assertTrue(out.toString().contains(dir.resolve("opt").toString()), out.toString());
    }

    @Test
    void selfTestPassesOnAFreshHome() {
        assertEquals(0, run("--home", dir.resolve("fresh").toString(), "self-test"), err.toString());
        assertTrue(out.toString().contains("Self-test passed."), out.toString());
        assertTrue(Files.exists(dir.resolve("fresh/logs/carnet.log")));
    }

    @Test
    void onlyGlobalOptionsOpenTheWindow() {
        assertTrue(Cli.inspect(new String[0]).gui());
        assertTrue(Cli.inspect(new String[] {"--home", "/x", "--debug"}).gui());
        assertEquals("/x", Cli.inspect(new String[] {"--home=/x"}).home());
        assertFalse(Cli.inspect(new String[] {"help"}).gui());
        assertFalse(Cli.inspect(new String[] {"--version"}).gui());
        assertFalse(Cli.inspect(new String[] {"--home"}).gui());
    }
}
