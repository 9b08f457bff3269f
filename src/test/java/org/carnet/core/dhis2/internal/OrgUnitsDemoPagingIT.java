package org.carnet.core.dhis2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.carnet.core.demo.DemoRequest;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.OrgUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small pages against the demo server's metadata pager ({@code pageCount} first up to 2.40, last from 2.41): the same
 * units as in one page, every page asked once.
 */
class OrgUnitsDemoPagingIT {

    @ParameterizedTest
    @ValueSource(strings = {"2.36.13", "2.40.4", "2.41.3", "2.43.0"})
    void smallPagesGiveTheSameUnits(String version) throws Exception {
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion(version).withSize(20).withPort(0));
                HttpDhis2Client c = new HttpDhis2Client(ConnectionSettings.of(s.baseUrl(),
                        new Credentials.Basic(s.username(), s.password().toCharArray()))
                        .withRetries(3, Duration.ofMillis(1)), d -> { })) {
            List<OrgUnit> whole = c.orgUnits();
            s.requests().clear();
            List<OrgUnit> paged = c.orgUnits(7);
            assertEquals(Set.copyOf(whole), Set.copyOf(paged));
            assertEquals(whole.size(), paged.size());
            List<DemoRequest> calls = s.requests().matching("/api/organisationUnits");
            Set<String> distinct = calls.stream().map(r -> r.param("filter") + "#" + r.param("page"))
                    .collect(Collectors.toSet());
            assertEquals(calls.size(), distinct.size(), "each page once");
            assertTrue(calls.size() >= whole.size() / 7, "paged: " + calls.size() + " requests");
            assertTrue(calls.stream().allMatch(r -> "7".equals(r.param("pageSize")) && r.status() == 200));
        }
    }
}
