package org.carnet.core.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor r = new Redactor("/home/aminata");

    @Test
    void masksPhoneNumbersInCommonWestAfricanForms() {
        for (String phone : new String[] {"+221 77 123 45 67", "+221771234567", "77 123 45 67", "77-123-45-67",
                "771234567", "00221771234567", "+225 07 12 34 56 78", "07 12 34 56 78"}) {
            String out = r.redact("call " + phone + " now");
            assertEquals("call <phone> now", out, phone);
        }
    }

    @Test
    void keepsIdentifiersTimestampsAndCounts() {
        String line = "Synced 1000 enrollments of program IpHINAT79UW (TEI dNpxRu1mWG5) at 2026-11-26T16:19:51Z in 1234 ms";
        assertEquals(line, r.redact(line));
        assertEquals("server version 2.41.3, page 12 of 40", r.redact("server version 2.41.3, page 12 of 40"));
    }

    @Test
    void masksEmailsTokensAndPasswords() {
        String out = r.redact("user aminata.diallo@sante.gouv.sn Authorization: Basic YWRtaW46ZGlzdHJpY3Q= "
                + "token=d2p_abcdefghijklmnop password: Secret123! jwt eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl");
        assertFalse(out.contains("aminata.diallo"));
        assertFalse(out.contains("YWRtaW46"));
        assertFalse(out.contains("abcdefghijklmnop"));
        assertFalse(out.contains("Secret123"));
        assertFalse(out.contains("eyJzdWIiOiIx"));
        assertTrue(out.contains("<email>"));
    }

    @Test
    void masksTheHomeFolder() {
        assertEquals("opened ~/.carnet/registry.db", r.redact("opened /home/aminata/.carnet/registry.db"));
    }

    @Test
    void masksRegisteredValuesCaseInsensitivelyOnWordBoundaries() {
        r.registerSensitive("Fatou Ndiaye", "NAME");
        r.registerSensitive("1990-05-12", "DOB");
        r.registerSensitive("positif", "HIV");
        String out = r.redact("Record FATOU NDIAYE born 1990-05-12 status Positif; positively unrelated");
        assertEquals("Record <redacted:NAME> born <redacted:DOB> status <redacted:HIV>; positively unrelated", out);
    }

    @Test
    void longestRegisteredValueWins() {
        r.registerSensitive("Mamadou", "NAME");
        r.registerSensitive("Mamadou Lamine Sow", "NAME");
        assertEquals("x <redacted:NAME> y", r.redact("x Mamadou Lamine Sow y"));
        assertEquals("x <redacted:NAME> Diop", r.redact("x Mamadou Diop"));
    }

    @Test
    void wordsOfANameAreRegisteredToo() {
        r.registerSensitiveWords("Awa Diop", "NAME");
        assertEquals("<redacted:NAME>, <redacted:NAME>", r.redact("Diop, Awa"));
    }

    @Test
    void ignoresTooShortValuesAndClears() {
        r.registerSensitive("ab", "NAME");
        assertEquals(0, r.registeredCount());
        r.registerSensitive("Coumba", "NAME");
        assertEquals(1, r.registeredCount());
        r.clearSensitive();
        assertEquals("Coumba", r.redact("Coumba"));
    }
}
