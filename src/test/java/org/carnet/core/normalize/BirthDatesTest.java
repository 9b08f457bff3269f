package org.carnet.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.carnet.core.normalize.BirthDate.Precision;
import org.junit.jupiter.api.Test;

class BirthDatesTest {
    @Test
    void commonFormsAreRead() {
        assertEquals(new BirthDate(1990, 3, 7, Precision.FULL), BirthDates.parse("1990-03-07"));
        assertEquals(new BirthDate(1990, 3, 7, Precision.FULL), BirthDates.parse("1990-03-07T00:00:00.000"));
        assertEquals(new BirthDate(1990, 3, 7, Precision.FULL), BirthDates.parse("19900307"));
        assertEquals(new BirthDate(1990, 3, 7, Precision.FULL), BirthDates.parse("07/03/1990"), "day first");
        assertEquals(new BirthDate(1990, 3, 17, Precision.FULL), BirthDates.parse("03/17/1990"),
                "month first only when the day cannot be a month");
        assertEquals(new BirthDate(1990, 3, 7, Precision.FULL), BirthDates.parse("07.03.1990"));
        assertEquals(new BirthDate(1990, 3, 0, Precision.YEAR_MONTH), BirthDates.parse("03/1990"));
        assertEquals(new BirthDate(1990, 0, 0, Precision.YEAR_ONLY), BirthDates.parse(" 1990 "));
        assertEquals("1990-03", BirthDates.parse("1990-03").iso());
        assertEquals(new BirthDate(1990, 3, 25, Precision.FULL), BirthDates.parse("1990-25-03"), "transposed");
    }

    @Test
    void defaultDaysAreFlaggedApproximate() {
        assertEquals(Precision.DEFAULTED, BirthDates.parse("1985-01-01").precision());
        assertEquals(Precision.DEFAULTED, BirthDates.parse("31/12/1985").precision());
        assertEquals(Precision.DEFAULTED, BirthDates.parse("19850701").precision());
        assertEquals(Precision.FULL, BirthDates.parse("1985-01-02").precision());
        assertEquals(Precision.AGE_DERIVED, BirthDates.parse("1985-04-02").ageDerived().precision());
    }

    @Test
    void impossibleDatesAreUnknownNotErrors() {
        assertNull(BirthDates.parse("19551192"));
        assertNull(BirthDates.parse("31/02/1990"));
        assertNull(BirthDates.parse("1850"));
        assertNull(BirthDates.parse("3000-01-02"));
        assertNull(BirthDates.parse("né vers 1990"));
        assertNull(BirthDates.parse(""));
        assertNull(BirthDates.parse(null));
    }

    @Test
    void sexCodesInEnglishAndFrench() {
        for (String m : new String[] {"M", "male", "Masculin", "HOMME", "h", "1"}) {
            assertEquals(Sex.M, Sex.parse(m), m);
        }
        for (String f : new String[] {"F", "Female", "Féminin", "femme", "2"}) {
            assertEquals(Sex.F, Sex.parse(f), f);
        }
        assertEquals(Sex.U, Sex.parse(""));
        assertEquals(Sex.U, Sex.parse("inconnu"));
        assertEquals(Sex.U, Sex.parse(null));
    }
}
