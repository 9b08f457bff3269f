package org.carnet.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.carnet.core.common.AppException;
import org.junit.jupiter.api.Test;

/** Card serials: 8 Base36 characters, the last a MOD 37,36 check character catching any single substitution. */
class CardSerialTest {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void generatedSerialsAreValidAndEverySubstitutionIsCaught() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int n = 0; n < 200; n++) {
            String s = CardSerial.generate(random);
            assertEquals(8, s.length());
            assertTrue(s.matches("[0-9A-Z]{8}"));
            assertTrue(CardSerial.isValid(s));
            for (int i = 0; i < 8; i++) {
                for (char c : ALPHABET.toCharArray()) {
                    if (c != s.charAt(i)) {
                        String typo = s.substring(0, i) + c + s.substring(i + 1);
                        assertFalse(CardSerial.isValid(typo), typo);
                    }
                }
            }
        }
        assertEquals("4F7KQ2MT", CardSerial.parse(" 4f7kq2mt "));
        assertThrows(AppException.class, () -> CardSerial.parse("4F7KQ2MA"));
        assertThrows(AppException.class, () -> CardSerial.parse("4F7KQ2M"));
        assertThrows(AppException.class, () -> CardSerial.parse(null));
    }
}
