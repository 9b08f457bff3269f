package org.carnet.core.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionCodesTest {
    private static final Map<String, String> SENEGAL_REGIONS = new LinkedHashMap<>();

    static {
        SENEGAL_REGIONS.put("Dakar", "DKR");
        SENEGAL_REGIONS.put("Thiès", "THS");
        SENEGAL_REGIONS.put("Diourbel", "DRB");
        SENEGAL_REGIONS.put("Kaolack", "KLC");
        SENEGAL_REGIONS.put("Fatick", "FTC");
        SENEGAL_REGIONS.put("Kaffrine", "KFR");
        SENEGAL_REGIONS.put("Saint-Louis", "SNT");
        SENEGAL_REGIONS.put("Louga", "LOG");
        SENEGAL_REGIONS.put("Matam", "MTM");
        SENEGAL_REGIONS.put("Tambacounda", "TMB");
        SENEGAL_REGIONS.put("Kédougou", "KDG");
        SENEGAL_REGIONS.put("Kolda", "KLD");
        SENEGAL_REGIONS.put("Sédhiou", "SDH");
        SENEGAL_REGIONS.put("Ziguinchor", "ZGN");
    }

    @Test
    void theFourteenRegionsOfSenegalGetDistinctCodes() {
        Set<String> codes = new HashSet<>();
        SENEGAL_REGIONS.forEach((name, code) -> {
            assertEquals(code, RegionCodes.derive(name), name);
            assertTrue(codes.add(code), "collision on " + code);
        });
        assertEquals(14, codes.size());
    }

    @ParameterizedTest
    @CsvSource({
        "Pikine, PKN",
        "Guédiawaye, GDW",
        "Rufisque, RFS",
        "Keur Massar, KRM",
        "Mbour, MBR",
        "Tivaouane, TVN",
        "Mbacké, MBC",
        "Nioro du Rip, NRD",
        "Podor, PDR",
        "Oussouye, OUS",
        "Touba, TOB",
        "Pout, POT",
        "Ba, BAX",
        "Ly, LYX",
        "SAINT LOUIS, SNT",
        "saint-louis, SNT",
        "Médina Yoro Foulah, MDN",
        "District 2, DST",
        "Ñ, NXX"})
    void derivationIsDeterministicOnDistrictNames(String name, String code) {
        assertEquals(code, RegionCodes.derive(name));
    }

    @Test
    void derivationNeedsALetterOrDigit() {
        assertThrows(IllegalArgumentException.class, () -> RegionCodes.derive(" - "));
        assertThrows(IllegalArgumentException.class, () -> RegionCodes.derive(""));
    }

    @Test
    void districtNameIsDerivedFirstThenTheOrgUnitName() {
        RegionCodes codes = new RegionCodes(Map.of());
        assertEquals("PKN", codes.codeFor("DiszpKrYNg8", "Dalifort", "Pikine"));
        assertEquals("DLF", codes.codeFor("DiszpKrYNg8", "Dalifort", null));
        assertEquals("DLF", codes.codeFor(null, "Dalifort", "  "));
        assertThrows(IllegalArgumentException.class, () -> codes.codeFor("DiszpKrYNg8", null, null));
    }

    @Test
    void overridesWinByUidThenOrgUnitNameThenDistrictName() {
        RegionCodes codes = new RegionCodes(Map.of(
                "O6uvpzGd5pu", "B01",
                "Thiès Nord", "TNO",
                "Thiès", "THI",
                "Saint-Louis", "STL"));
        assertEquals("B01", codes.codeFor("O6uvpzGd5pu", "Thiès Nord", "Thiès"));
        assertEquals("TNO", codes.codeFor("fdc6uOvgoji", "THIES NORD", "Thiès"));
        assertEquals("THI", codes.codeFor("fdc6uOvgoji", "Pout", "thies"));
        assertEquals("STL", codes.codeFor(null, "Mpal", "SAINT LOUIS"));
        assertEquals("DKR", codes.codeFor(null, "Médina", "Dakar"));
    }

    @Test
    void uidsDifferingOnlyInCaseStayApart() {
        RegionCodes codes = new RegionCodes(Map.of("abcDEF12345", "AAA", "ABCdef12345", "BBB"));
        assertEquals("AAA", codes.codeFor("abcDEF12345", "Bargny", "Rufisque"));
        assertEquals("BBB", codes.codeFor("ABCdef12345", "Bargny", "Rufisque"));
        assertEquals("RFS", codes.codeFor("ABCDEF12345", "Bargny", "Rufisque"));
    }

    @Test
    void malformedOverridesAreRefusedWithAClearMessage() {
        for (String bad : new String[] {"dkr", "DK", "DKRR", "DK-", "DK ", "ÉKR"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new RegionCodes(Map.of("Dakar", bad)));
            assertTrue(e.getMessage().contains("Dakar") && e.getMessage().contains("3 characters"), e.getMessage());
        }
        Map<String, String> nullCode = new LinkedHashMap<>();
        nullCode.put("Dakar", null);
        assertThrows(IllegalArgumentException.class, () -> new RegionCodes(nullCode));
        assertThrows(IllegalArgumentException.class, () -> new RegionCodes(Map.of(" ", "DKR")));
        assertThrows(IllegalArgumentException.class, () -> new RegionCodes(Map.of("--", "DKR")));
    }
}
