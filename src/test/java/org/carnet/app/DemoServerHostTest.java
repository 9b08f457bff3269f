package org.carnet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.ui.connection.DemoServerLauncher.Access;
import org.junit.jupiter.api.Test;

/** The in-app demo server: one instance, the port of last time when free, stopped on close. */
class DemoServerHostTest {
    private static final DemoServerConfig SMALL = DemoServerConfig.defaults().withSize(20);

    @Test
    void startsOnceRemembersItsPortAndStopsOnClose() throws Exception {
        List<Integer> remembered = new ArrayList<>();
        Access access;
        int port;
        try (DemoServerHost host = new DemoServerHost(SMALL, null, remembered::add)) {
            assertFalse(host.running());
            access = host.start();
            assertEquals(access, host.start(), "a second start returns the running server");
            assertTrue(host.running());
            port = Integer.parseInt(access.url().substring(access.url().lastIndexOf(':') + 1));
            assertEquals(List.of(port), remembered);
            assertEquals("admin", access.username());
            assertEquals("district", access.password());
            assertTrue(host.serves(access.url()));
            assertTrue(host.serves(access.url() + "/"));
            assertFalse(host.serves("https://dhis2.sante.gouv.sn"));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(s.isConnected());
            }
        }
        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
                "stopped with the application");

        try (DemoServerHost again = new DemoServerHost(SMALL, port, remembered::add)) {
            assertTrue(again.serves(access.url()), "a saved demo connection is recognised before the restart");
            assertEquals(access.url(), again.start().url(), "the same address as last time");
        }
    }

    @Test
    void aTakenPortFallsBackToAFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                DemoServerHost host = new DemoServerHost(SMALL, taken.getLocalPort(), p -> { })) {
            Access access = host.start();
            assertNotEquals("http://127.0.0.1:" + taken.getLocalPort(), access.url());
            assertTrue(host.serves(access.url()));
        }
    }
}
