package org.carnet.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoVersionTest {
    @Test
    void twoPartVersionsStandForARepresentativePatch() {
        assertEquals("2.41.3", DemoVersion.parse("2.41").toString());
        assertEquals("2.36.13", DemoVersion.parse("2.36").toString());
        assertEquals("2.43.1", DemoVersion.parse(" 2.43 ").toString());
    }

    @Test
    void fourPartVersionsKeepTheirHotfix() {
        DemoVersion v = DemoVersion.parse("2.40.4.1");
        assertEquals(40, v.minor());
        assertEquals(4, v.patch());
        assertEquals(1, v.hotfix());
        assertEquals("2.40.4.1", v.toString());
        assertTrue(v.isAtLeast(40, 4));
        assertTrue(v.compareTo(DemoVersion.parse("2.40.4")) > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.35", "2.44.0", "abc", "", "2.4", "3.41", "2.41.x"})
    void unsimulatedOrMalformedVersionsAreRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> DemoVersion.parse(text));
    }
}
