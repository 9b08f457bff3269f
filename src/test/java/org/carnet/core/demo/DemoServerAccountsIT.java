package org.carnet.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Locked, disabled, two-factor accounts and expired tokens answer like DHIS2. */
class DemoServerAccountsIT {
    @ParameterizedTest
    @ValueSource(strings = {"2.37.9", "2.38.7", "2.42.1"})
    void specialAccountsGetTheReleaseMessages(String version) throws Exception {
        DemoServerConfig config = DemoServerConfig.defaults().withVersion(version).withSize(20).withAccounts(
                DemoAccount.locked("bloque", "pass1234"), DemoAccount.disabled("inactif", "pass1234"),
                DemoAccount.twoFactor("deuxfa", "pass1234"));
        try (DemoServer s = DemoServer.start(config)) {
            DemoClient c = new DemoClient(s);
            int minor = s.version().minor();
            assertEquals("Account locked", message(c.get("/api/me", "Authorization",
                    DemoClient.basic("bloque", "pass1234"))));
            assertEquals(minor >= 38 ? "Account disabled" : "Unauthorized", message(c.get("/api/me",
                    "Authorization", DemoClient.basic("inactif", "pass1234"))));
            assertEquals("Unauthorized", message(c.get("/api/me", "Authorization",
                    DemoClient.basic("deuxfa", "pass1234"))));
            if (minor >= 38) {
                assertEquals("Failed to authenticate API token, token has expired.", message(c.get("/api/me",
                        "Authorization", "ApiToken " + s.expiredToken())));
                assertEquals("The API token is disabled, locked or 2FA is enabled.", message(c.get("/api/me",
                        "Authorization", "ApiToken " + s.tokenFor("deuxfa"))));
            }
        }
    }

    private static String message(HttpResponse<String> r) throws Exception {
        assertEquals(401, r.statusCode(), r.body());
        return DemoClient.parse(r.body()).get("message").asText();
    }
}
