package org.carnet.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.carnet.core.normalize.PhoneNumbers.Phone;
import org.carnet.core.normalize.PhoneNumbers.Status;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
    private static void assertValid(String expected, String raw, String region) {
        Phone p = PhoneNumbers.normalize(raw, region);
        assertEquals(Status.VALID, p.status(), raw + " (" + region + ")");
        assertEquals(expected, p.e164(), raw + " (" + region + ")");
        assertEquals(raw, p.input());
    }

    private static void assertStatus(Status expected, String raw, String region) {
        Phone p = PhoneNumbers.normalize(raw, region);
        assertEquals(expected, p.status(), raw + " (" + region + ")");
        if (expected != Status.VALID) {
            assertNull(p.e164(), raw + " (" + region + ")");
        }
    }

    @Test
    void senegalMobileInEveryFormRegistersHold() {
        for (String raw : new String[] {"77 123 45 67", "771234567", "+221 77 123 45 67", "+221771234567",
                "00221771234567", "00 221 77 123 45 67", "221771234567", "221 77 123 45 67", "(+221) 77-123-45-67",
                "77-123-45-67", "77.123.45.67", "tel: 77 123 45 67", "Tél. : 77 123 45 67", "77 123 45 67 ext. 12",
                "77 123 45 67 (maman)", "  77 123 45 67\t", "７７ １２３ ４５ ６７", "＋２２１７７１２３４５６７"}) {
            assertValid("+221771234567", raw, "SN");
        }
        assertEquals("SN", PhoneNumbers.normalize("77 123 45 67", "SN").region());
    }

    @Test
    void defaultRegionIsCaseInsensitiveAndUnknownMeansNone() {
        assertValid("+221771234567", "77 123 45 67", "sn");
        assertValid("+221771234567", "77 123 45 67", " SN ");
        for (String region : new String[] {null, "", "XX", "SEN", "ZZ"}) {
            assertStatus(Status.INVALID, "77 123 45 67", region);
            assertValid("+221771234567", "+221 77 123 45 67", region);
        }
        assertNull(PhoneNumbers.normalize("77 123 45 67", "XX").region());
    }

    @Test
    void senegalLandline() {
        assertValid("+221338221234", "33 822 12 34", "SN");
        assertValid("+221338221234", "+221 33 822 12 34", "ML");
        assertEquals("SN", PhoneNumbers.normalize("+221 33 822 12 34", "ML").region());
    }

    @Test
    void neighbouringCountriesWithTheirRegionAndFromAnother() {
        assertValid("+22366123456", "66 12 34 56", "ML");
        assertValid("+22366123456", "+223 66 12 34 56", "SN");
        assertValid("+22670123456", "70 12 34 56", "BF");
        assertValid("+22670123456", "+226 70 12 34 56", "SN");
        assertValid("+224622123456", "622 12 34 56", "GN");
        assertValid("+224622123456", "00224 622 12 34 56", "SN");
        assertValid("+22793123456", "93 12 34 56", "NE");
        assertValid("+22793123456", "+227 93 12 34 56", "ML");
        assertValid("+22890123456", "90 12 34 56", "TG");
        assertValid("+22890123456", "+228 90 12 34 56", "BF");
        assertEquals("TG", PhoneNumbers.normalize("+228 90 12 34 56", "SN").region());
        // a Malian number is not a Senegalese one
        assertStatus(Status.INVALID, "66 12 34 56", "SN");
    }

    @Test
    void coteDIvoireTenDigitsAreValidAndEightDigitsAreTheOldPlan() {
        assertValid("+2250707123456", "07 07 12 34 56", "CI");
        assertValid("+2250707123456", "+225 07 07 12 34 56", "SN");
        assertValid("+2250707123456", "2250707123456", "CI");
        for (String raw : new String[] {"07 12 34 56", "07123456", "+225 07 12 34 56", "00225 07 12 34 56",
                "22507123456"}) {
            Phone p = PhoneNumbers.normalize(raw, "CI");
            assertEquals(Status.OLD_NUMBERING_PLAN, p.status(), raw);
            assertNull(p.e164(), "not converted: " + raw);
            assertEquals("CI", p.region(), raw);
        }
        Phone fromSenegal = PhoneNumbers.normalize("+225 07 12 34 56", "SN");
        assertEquals(Status.OLD_NUMBERING_PLAN, fromSenegal.status());
        assertEquals("CI", fromSenegal.region());
        assertNull(fromSenegal.e164());
    }

    @Test
    void beninTenDigitsAreValidAndEightDigitsAreTheOldPlan() {
        assertValid("+2290197123456", "01 97 12 34 56", "BJ");
        assertValid("+2290197123456", "+229 01 97 12 34 56", "TG");
        assertStatus(Status.OLD_NUMBERING_PLAN, "97 12 34 56", "BJ");
        assertStatus(Status.OLD_NUMBERING_PLAN, "+229 97 12 34 56", "SN");
        assertEquals("BJ", PhoneNumbers.normalize("97 12 34 56", "BJ").region());
        // 8 digits elsewhere is not an old plan
        assertStatus(Status.INVALID, "97 12 34 56", "SN");
    }

    @Test
    void junkIsInvalidAndBlankIsEmpty() {
        for (String raw : new String[] {"771", "77 123 45", "77 123 45 678 9", "abc", "N/A", "néant", "0000",
                "00000000", "+999 77 123 45 67", "-"}) {
            assertStatus(Status.INVALID, raw, "SN");
        }
        for (String raw : new String[] {null, "", "   ", "\t\n"}) {
            assertStatus(Status.EMPTY, raw, "SN");
        }
        assertEquals("SN", PhoneNumbers.normalize("", "SN").region());
    }

    @Test
    void toStringHidesTheNumber() {
        for (String raw : new String[] {"77 123 45 67", "07 12 34 56", "77 123 45", ""}) {
            Phone p = PhoneNumbers.normalize(raw, raw.startsWith("07") ? "CI" : "SN");
            String s = p.toString();
            assertTrue(s.contains(p.status().name()), s);
            assertFalse(s.matches(".*\\d{3}.*"), s);
            assertFalse(s.contains("123"), s);
        }
        assertEquals("Phone[status=VALID, region=SN]", PhoneNumbers.normalize("+221771234567", "SN").toString());
    }

    @Test
    void everyStatusHasItsMessageKey() {
        assertEquals("phone.status.valid", PhoneNumbers.messageKey(Status.VALID));
        assertEquals("phone.status.oldPlan", PhoneNumbers.messageKey(Status.OLD_NUMBERING_PLAN));
        assertEquals("phone.status.invalid", PhoneNumbers.messageKey(Status.INVALID));
        assertEquals("phone.status.empty", PhoneNumbers.messageKey(Status.EMPTY));
        Set<String> keys = new HashSet<>();
        for (Status s : Status.values()) {
            keys.add(PhoneNumbers.messageKey(s));
        }
        assertEquals(Status.values().length, keys.size());
    }

    @Test
    void safeFromManyThreads() throws InterruptedException {
        Thread[] threads = new Thread[4];
        boolean[] ok = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                boolean all = true;
                for (int i = 0; i < 200; i++) {
                    all &= "+221771234567".equals(PhoneNumbers.normalize("77 123 45 67", "SN").e164());
                    all &= PhoneNumbers.normalize("07 12 34 56", "CI").status() == Status.OLD_NUMBERING_PLAN;
                }
                ok[id] = all;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (boolean b : ok) {
            assertTrue(b);
        }
    }
}
