package org.carnet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carnet demo-server}: prints how to connect, serves until interrupted, one-line errors. */
class DemoServerCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Cli cli(Locale locale) {
        return new Cli(new CliContext(Map.of(), dir.toString(), new PrintWriter(out, true), new PrintWriter(err, true),
                locale));
    }

    @Test
    void servesUntilInterruptedAndPrintsTheConnectionDetails() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(cli(Locale.ENGLISH).execute("demo-server", "--port", "0",
                "--dhis2-version", "2.39", "--size", "50", "--seed", "7")));
        t.start();
        // wait for the last line of the banner ("Press Ctrl+C to stop."), not just the URL: lines arrive one by one
        for (int i = 0; i < 800 && !out.toString().contains("Ctrl+C") && (i == 0 || t.isAlive()); i++) {
            Thread.sleep(25);
        }
        String text = out.toString();
        Matcher url = Pattern.compile("URL: +(http://127\\.0\\.0\\.1:\\d+)").matcher(text);
        assertTrue(url.find(), text);
        assertTrue(text.contains("DHIS2 2.39.5"), text + " / stderr: " + err + " / exit " + exit.get());
        assertTrue(text.contains("admin") && text.contains("district"), text);
        assertTrue(text.matches("(?s).*d2pat_[A-Za-z0-9]{42}.*"), text);
        assertTrue(text.contains("50 (seed 7)"), text);
        HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url.group(1) + "/api/system/info")).header("Authorization", "Basic YWRtaW46ZGlzdHJpY3Q=")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, info.statusCode());
        assertTrue(info.body().contains("\"version\":\"2.39.5\""));
        t.interrupt();
        t.join(5_000);
        assertFalse(t.isAlive());
        assertEquals(Cli.OK, exit.get());
        assertEquals("", err.toString());
    }

    @Test
    void anUnsimulatedVersionIsOneClearLine() {
        assertEquals(Cli.FAILED, cli(Locale.ENGLISH).execute("demo-server", "--dhis2-version", "2.35"));
        String e = err.toString().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("carnet: “2.35” is not a DHIS2 version the demo server simulates: use 2.36 to 2.43"),
                e);
        assertEquals(Cli.FAILED, cli(Locale.FRENCH).execute("demo-server", "--dhis2-version", "abc"));
        assertTrue(err.toString().contains("«\u00a0abc\u00a0» n’est pas une version de DHIS2"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aPortInUseIsOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertEquals(Cli.FAILED, cli(Locale.ENGLISH).execute("demo-server", "--port", Integer.toString(port),
                    "--size", "10"));
            String e = err.toString().strip();
            assertEquals("carnet: Port " + port + " is already in use: choose another one with --port, or 0 for any "
                    + "free port.", e);
        }
    }

    @Test
    void helpListsTheCommand() {
        assertEquals(Cli.OK, cli(Locale.FRENCH).execute("help"));
        assertTrue(out.toString().contains("demo-server"), out.toString());
        assertTrue(out.toString().contains("serveur DHIS2 de démonstration"), out.toString());
    }
}
