package org.carnet.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Time left from the pace since the first report. */
class EtaTest {
    @Test
    void paceSinceTheFirstReport() {
        Eta eta = new Eta();
        assertTrue(eta.update(0, 100, 1_000).isEmpty(), "nothing known yet");
        assertTrue(eta.update(10, 100, 1_400).isEmpty(), "under half a second of pace");
        assertEquals(Optional.of(Duration.ofMillis(4_000)), eta.update(20, 100, 2_000), "20 in 1 s: 80 left in 4 s");
        assertTrue(eta.update(100, 100, 6_000).isEmpty(), "done");
    }

    @Test
    void aResumedJobIsNotCreditedWithWorkDoneBefore() {
        Eta eta = new Eta();
        eta.update(500, 1000, 0);
        assertEquals(Optional.of(Duration.ofMillis(4_500)), eta.update(600, 1000, 1_000 + 125),
                "100 cards in 1.125 s since the resume: 400 left in 4.5 s, not 0.75 s");
        eta.reset();
        assertTrue(eta.update(0, 10, 50_000).isEmpty(), "a new run starts a new pace");
    }
}
