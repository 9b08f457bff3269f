package org.carnet.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The West African name fixtures of mpi-bench: every variant pair is equated, no distinct pair is. */
class NameKeysTest {
    static List<String[]> csv(String name) throws IOException {
        try (InputStream in = NameKeysTest.class.getResourceAsStream("/mpi/" + name)) {
            List<String[]> rows = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].split(",", -1));
                }
            }
            return rows;
        }
    }

    @Test
    void everyVariantPairOfTheFixtureIsEquated() throws IOException {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String[] r : csv("wa_name_variants.csv")) {
            groups.computeIfAbsent(r[0] + ":" + r[1], k -> new ArrayList<>()).add(Text.compact(r[2]));
        }
        int pairs = 0;
        for (List<String> names : groups.values()) {
            for (String a : names) {
                for (String b : names) {
                    assertTrue(NameKeys.variants(a, b), a + " / " + b);
                    pairs++;
                }
            }
        }
        assertTrue(pairs > 300);
    }

    @Test
    void noDistinctPairOfTheFixtureIsEquated() throws IOException {
        List<String[]> rows = csv("wa_name_distinct.csv");
        assertEquals(22, rows.size());
        for (String[] r : rows) {
            String a = Text.compact(r[1]);
            String b = Text.compact(r[2]);
            assertFalse(NameKeys.variants(a, b), a + " / " + b + " must stay apart");
            assertFalse(NameKeys.key(a).equals(NameKeys.key(b)), "keys of " + a + " / " + b);
        }
    }

    @Test
    void theKeyFollowsWolofPulaarAndFrenchSpellings() {
        assertEquals(NameKeys.key("diop"), NameKeys.key("joob"), "Wolof orthography, final b devoiced");
        assertEquals(NameKeys.key("diallo"), NameKeys.key("jallow"), "Gambian spelling");
        assertEquals(NameKeys.key("diallo"), NameKeys.key("jalloh"), "Sierra Leonean spelling");
        assertEquals(NameKeys.key("cisse"), NameKeys.key("sisse"));
        assertEquals(NameKeys.key("camara"), NameKeys.key("kamara"));
        assertEquals(NameKeys.key("gueye"), NameKeys.key("gey"));
        assertEquals(NameKeys.key("mamadou"), NameKeys.key("mamadu"));
        assertEquals(NameKeys.key("diaye"), NameKeys.prenasalKey("ndiaye"), "the prenasal N may be dropped");
        assertEquals(null, NameKeys.prenasalKey("mamadou"), "M before a vowel is not a prenasal");
        assertTrue(NameKeys.variants("mouhamadou", "modou"), "nickname from the table");
        assertFalse(NameKeys.variants("sow", "sy"));
        assertTrue(NameKeys.variants("ba", "bah"), "Ba / Bah are one family");
    }

    @Test
    void textIsFoldedForMatchingAndKeptForDisplay() {
        assertEquals("ndiaye", Text.compact(" N’Diaye "));
        assertEquals("mame diarra", Text.fold("Mame-Diarra"));
        assertEquals("cisse", Text.fold("CISSÉ"));
        assertEquals("keita", Text.fold("Keïta"));
        assertEquals(null, Text.fold(" - "));
        PersonName n = PersonName.of("El Hadji  Malick");
        assertEquals("El Hadji  Malick", n.original());
        assertEquals("elhadjimalick", n.joined());
        assertEquals(List.of("malick"), n.significantTokens());
        assertEquals(List.of("fatou"), PersonName.of("Ndèye Fatou").significantTokens());
        assertFalse(n.toString().contains("Malick"), "no personal value in toString");
    }
}
