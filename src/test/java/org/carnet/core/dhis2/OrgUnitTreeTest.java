package org.carnet.core.dhis2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure org-unit tree: lookups, ancestors by path and level, counts, and no exception for unknown uids. */
class OrgUnitTreeTest {
    // Sénégal > Dakar (région médicale) > Pikine (district sanitaire) > Poste de santé Dalifort
    static final OrgUnit SN = new OrgUnit("SNcountry01", "/SNcountry01", "Sénégal", 1, "SN");
    static final OrgUnit DKR = new OrgUnit("DKRregion01", "/SNcountry01/DKRregion01", "Dakar", 2, "DKR");
    static final OrgUnit PIK = new OrgUnit("PIKdistr001", "/SNcountry01/DKRregion01/PIKdistr001", "Pikine", 3);
    static final OrgUnit DAL = new OrgUnit("DALposte001",
            "/SNcountry01/DKRregion01/PIKdistr001/DALposte001", "PS Dalifort", 4, "DKR-PIK-DAL");
    static final OrgUnit GUE = new OrgUnit("GUEdistr001", "/SNcountry01/DKRregion01/GUEdistr001", "Guédiawaye", 3);
    static final OrgUnit THI = new OrgUnit("THIregion01", "/SNcountry01/THIregion01", "Thiès", 2, "THI");

    static OrgUnitTree full() {
        return new OrgUnitTree(List.of(SN, DKR, PIK, DAL, GUE, THI));
    }

    @Test
    void theFourArgumentConstructorStillWorksWithoutACode() {
        OrgUnit u = new OrgUnit("a", "/a", "A", 1);
        assertNull(u.code());
        assertEquals(new OrgUnit("a", "/a", "A", 1, null), u);
        assertEquals("DKR", DKR.code());
        assertTrue(DAL.within(DKR));
        assertFalse(DKR.within(DAL));
    }

    @Test
    void unitsSurviveAJsonRoundTripAndOldDocumentsWithoutCodeStillRead() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<OrgUnit> units = List.of(SN, DKR, PIK, DAL);
        assertEquals(units, List.of(json.readValue(json.writeValueAsBytes(units), OrgUnit[].class)));
        OrgUnit old = json.readValue("{\"id\":\"PIKdistr001\",\"path\":\"/SNcountry01/DKRregion01/PIKdistr001\","
                + "\"displayName\":\"Pikine\",\"level\":3}", OrgUnit.class);
        assertEquals(PIK, old);
    }

    @Test
    void looksUpUnitsByUid() {
        OrgUnitTree t = full();
        assertEquals(Optional.of(PIK), t.unit("PIKdistr001"));
        assertEquals(Optional.empty(), t.unit("nope0000000"));
        assertEquals(Optional.empty(), t.unit(null));
        assertEquals(6, t.size());
    }

    @Test
    void findsTheDistrictAndRegionOfAFacilityByPath() {
        OrgUnitTree t = full();
        assertEquals(Optional.of(PIK), t.ancestorAtLevel("DALposte001", OrgUnitTree.DEFAULT_DISTRICT_LEVEL));
        assertEquals(Optional.of(DKR), t.ancestorAtLevel("DALposte001", OrgUnitTree.DEFAULT_REGION_LEVEL));
        assertEquals(Optional.of(SN), t.ancestorAtLevel("DALposte001", 1));
        assertEquals(Optional.of(DAL), t.ancestorAtLevel("DALposte001", 4), "a unit is at its own level");
        assertEquals(Optional.of(PIK), t.ancestorAtLevel("PIKdistr001", 3), "a district's district is itself");
        assertEquals(Optional.empty(), t.ancestorAtLevel("DKRregion01", 3), "no district above a region");
        assertEquals(Optional.empty(), t.ancestorAtLevel("DALposte001", 5));
        assertEquals(Optional.empty(), t.ancestorAtLevel("DALposte001", 0));
        assertEquals(Optional.empty(), t.ancestorAtLevel("DALposte001", -1));
        assertEquals(Optional.empty(), t.ancestorAtLevel("unknown0001", 3));
        assertEquals(Optional.empty(), t.ancestorAtLevel(null, 3));
    }

    @Test
    void ancestorsAreRootFirstWithoutTheUnitItself() {
        OrgUnitTree t = full();
        assertEquals(List.of(SN, DKR, PIK), t.ancestors("DALposte001"));
        assertEquals(List.of(SN, DKR), t.ancestors("GUEdistr001"));
        assertEquals(List.of(), t.ancestors("SNcountry01"));
        assertEquals(List.of(), t.ancestors("unknown0001"));
        assertEquals(List.of(), t.ancestors(null));
        assertThrows(UnsupportedOperationException.class, () -> t.ancestors("DALposte001").add(SN));
    }

    @Test
    void ancestorsAboveTheUsersScopeAreLeftOut() {
        // a user whose root is the region: the country is not in the tree
        OrgUnitTree t = new OrgUnitTree(List.of(DKR, PIK, DAL));
        assertEquals(List.of(DKR, PIK), t.ancestors("DALposte001"));
        assertEquals(Optional.of(PIK), t.ancestorAtLevel("DALposte001", 3));
        assertEquals(Optional.empty(), t.ancestorAtLevel("DALposte001", 1), "the country is outside the tree");
        assertEquals(Map.of(2, 1L, 3, 1L, 4, 1L), t.countByLevel());
    }

    @Test
    void anUnknownLevelIsTakenFromThePathPosition() {
        OrgUnit district = new OrgUnit("PIKdistr001", "/SNcountry01/DKRregion01/PIKdistr001", "Pikine", 0);
        OrgUnitTree t = new OrgUnitTree(List.of(SN, DKR, district, DAL));
        assertEquals(Optional.of(district), t.ancestorAtLevel("DALposte001", 3));
        assertEquals(Map.of(0, 1L, 1, 1L, 2, 1L, 4, 1L), t.countByLevel(), "0 counts the units of unknown level");
    }

    @Test
    void countsLevelsInOrder() {
        OrgUnitTree t = full();
        assertEquals(4, t.maxLevel());
        assertEquals(List.of(1, 2, 3, 4), new ArrayList<>(t.countByLevel().keySet()));
        assertEquals(Map.of(1, 1L, 2, 2L, 3, 2L, 4, 1L), t.countByLevel());
        assertThrows(UnsupportedOperationException.class, () -> t.countByLevel().put(9, 1L));
    }

    @Test
    void isImmutableAndIgnoresNullsBlanksAndRepeats() {
        List<OrgUnit> source = new ArrayList<>(Arrays.asList(SN, null, new OrgUnit(null, "/x", "X", 1),
                new OrgUnit(" ", "/ ", "Blank", 1), DKR, new OrgUnit("DKRregion01", "/other", "Copy", 2)));
        OrgUnitTree t = OrgUnitTree.of(source);
        source.clear();
        assertEquals(2, t.size());
        assertEquals("Dakar", t.unit("DKRregion01").orElseThrow().displayName(), "the first of a uid wins");
        assertThrows(NullPointerException.class, () -> new OrgUnitTree(null));
    }

    @Test
    void anEmptyTreeAnswersEmpty() {
        OrgUnitTree t = OrgUnitTree.empty();
        assertEquals(0, t.size());
        assertEquals(0, t.maxLevel());
        assertEquals(Map.of(), t.countByLevel());
        assertEquals(Optional.empty(), t.unit("DALposte001"));
        assertEquals(Optional.empty(), t.ancestorAtLevel("DALposte001", 3));
        assertEquals(List.of(), t.ancestors("DALposte001"));
    }

    @Test
    void aUnitWithoutPathIsItsOwnOnlyStep() {
        OrgUnit lost = new OrgUnit("LOSTunit001", null, "Lost", 4);
        OrgUnitTree t = new OrgUnitTree(List.of(lost, DKR));
        assertEquals(List.of(), t.ancestors("LOSTunit001"));
        assertEquals(Optional.of(lost), t.ancestorAtLevel("LOSTunit001", 4));
        assertEquals(Optional.empty(), t.ancestorAtLevel("LOSTunit001", 3));
    }

    @Test
    void toStringShowsCountsOnly() {
        String s = full().toString();
        assertEquals("OrgUnitTree[units=6, byLevel={1=1, 2=2, 3=2, 4=1}]", s);
        assertFalse(s.contains("Dakar") || s.contains("DKRregion01"));
    }
}
