package org.carnet.core.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MpiIdTest {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String VALID = "SN-DKR-26-9XQ7LM26";

    /** Returns the given values from {@code nextInt(36)}, so that the random part of an id is known. */
    private static final class ScriptedRandom extends SecureRandom {
        private final int[] values;
        private int next;

        ScriptedRandom(int... values) {
            this.values = values;
        }

        @Override
        public int nextInt(int bound) {
            assertEquals(36, bound);
            return values[next++];
        }
    }

    /**
     * Published examples of ISO/IEC 7064 MOD 37,36, which the GRid and ISAN standards use: the GRid
     * A1-2425G-ABC1234002-M and ISAN check characters as listed with python-stdnum's isan module (the root and
     * episode check, then the check over root, episode and version).
     */
    @ParameterizedTest
    @CsvSource({
        "A12425GABC1234002, M",
        "0000000189470000, 8",
        "000000018947000000000000, D",
        "00000000D07A0090, Q",
        "00000000D07A009000000000, X",
        "000000018CFA0000, I",
        "000000018CFA000000000000, K",
        "188166C734206541, Y",
        "188166C7342065419F3A0245, O"})
    void checkCharacterMatchesPublishedVectors(String data, char expected) {
        assertEquals(expected, MpiId.checkCharacter(data));
    }

    @Test
    void checkCharacterRejectsCharactersOutsideTheAlphabet() {
        assertThrows(IllegalArgumentException.class, () -> MpiId.checkCharacter("SN-DKR"));
        assertThrows(IllegalArgumentException.class, () -> MpiId.checkCharacter("sndkr"));
    }

    @Test
    void generateTakesSevenRandomCharactersAndAppendsTheCheckCharacter() {
        MpiId id = MpiId.generate("SN", "DKR", 2026, new ScriptedRandom(9, 33, 26, 7, 21, 22, 2));
        assertEquals(VALID, id.toString());
        assertEquals("SN", id.country());
        assertEquals("DKR", id.region());
        assertEquals(2026, id.year());
    }

    @Test
    void generatedIdsRoundTripAndDiffer() throws AppException {
        SecureRandom random = new SecureRandom();
        Set<MpiId> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            MpiId id = MpiId.generate("ML", "B4K", 2031, random);
            assertTrue(id.toString().matches("ML-B4K-31-[0-9A-Z]{8}"), id.toString());
            MpiId back = MpiId.parse(id.toString());
            assertEquals(id, back);
            assertEquals(id.hashCode(), back.hashCode());
            assertEquals(2031, back.year());
            assertTrue(seen.add(id), "duplicate random id");
        }
    }

    @Test
    void generateRejectsMalformedParts() {
        SecureRandom random = new SecureRandom();
        assertThrows(IllegalArgumentException.class, () -> MpiId.generate("sn", "DKR", 2026, random));
        assertThrows(IllegalArgumentException.class, () -> MpiId.generate("S1", "DKR", 2026, random));
        assertThrows(IllegalArgumentException.class, () -> MpiId.generate("SEN", "DKR", 2026, random));
        assertThrows(IllegalArgumentException.class, () -> MpiId.generate("SN", "DK", 2026, random));
        assertThrows(IllegalArgumentException.class, () -> MpiId.generate("SN", "DK-", 2026, random));
        assertThrows(IllegalArgumentException.class, () -> MpiId.generate("SN", "DKR", 26, random));
        assertThrows(IllegalArgumentException.class, () -> MpiId.generate("SN", "DKR", 2100, random));
        assertThrows(NullPointerException.class, () -> MpiId.generate("SN", "DKR", 2026, null));
    }

    @Test
    void parseAcceptsLowerCaseAndSurroundingWhitespace() throws AppException {
        MpiId id = MpiId.parse("  sn-dkr-26-9xq7lm26\t\n");
        assertEquals(VALID, id.toString());
        assertEquals(MpiId.parse(VALID), id);
        assertTrue(MpiId.isValid(" Sn-Dkr-26-9xQ7lm26 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "SN-DKR-26-9XQ7LM2",
        "SN-DKR-26-9XQ7LM266",
        "SNDKR269XQ7LM26",
        "SN DKR 26 9XQ7LM26",
        "SN_DKR_26_9XQ7LM26",
        "SN-DKR-26-9XQ7 M26",
        "SN-DKR-26-9XQ7LM27",
        "S1-DKR-26-9XQ7LM26",
        "SN-DKR-2A-9XQ7LM26",
        "SN-DK--26-9XQ7LM26",
        "SN-DKR-26-9XQ7LM-6",
        "SN-DKR-26-9XQ7LM2\u0130",
        "SN-DKR-26-9XQ7LM2\uFF16",
        "NS-DKR-26-9XQ7LM26"})
    void parseRejectsMalformedIdsWithoutEchoingThem(String text) {
        AppException e = assertThrows(AppException.class, () -> MpiId.parse(text));
        assertEquals(MpiId.INVALID_ID_KEY, e.messageKey());
        assertEquals(0, e.args().length);
        if (!text.isBlank()) {
            assertFalse(e.getMessage().contains(text.strip()), e.getMessage());
        }
        assertFalse(MpiId.isValid(text));
    }

    @Test
    void parseRejectsNonAsciiLettersThatUpperCaseToAValidId() {
        // 'ı' (dotless i) upper-cases to 'I' and 'ſ' (long s) to 'S': neither may slip through.
        String compact = "SNDKR26ABCDEFI";
        String valid = "SN-DKR-26-ABCDEFI" + MpiId.checkCharacter(compact);
        assertTrue(MpiId.isValid(valid));
        assertFalse(MpiId.isValid(valid.replace('I', '\u0131')));
        assertFalse(MpiId.isValid(valid.replace("SN-", "\u017FN-")));
        assertThrows(AppException.class, () -> MpiId.parse(null));
    }

    /**
     * Property check on many random ids: every single-character substitution (at any position, by any other
     * character of 0-9A-Z) is caught, and so is every transposition of two adjacent characters whose values are
     * not consecutive. ISO/IEC 7064 promises "all or nearly all" transpositions for its hybrid systems: a swap of
     * consecutive values (A↔B, Z↔0) is missed in 1 of the 36 states of the computation, which this test measures.
     */
    @Test
    void checkCharacterCatchesSubstitutionsAndNearlyAllAdjacentTranspositions() throws AppException {
        Random random = new Random(20260101L);
        int transpositions = 0;
        int consecutive = 0;
        int missed = 0;
        for (int n = 0; n < 3_000; n++) {
            String compact = randomCompactId(random);
            assertEquals(compact.charAt(14), MpiId.checkCharacter(compact.substring(0, 14)));
            for (int i = 0; i < compact.length(); i++) {
                for (int a = 0; a < ALPHABET.length(); a++) {
                    char c = ALPHABET.charAt(a);
                    if (c != compact.charAt(i)) {
                        String typed = compact.substring(0, i) + c + compact.substring(i + 1);
                        assertFalse(checks(typed), () -> "substitution not caught in " + typed);
                    }
                }
            }
            for (int i = 0; i + 1 < compact.length(); i++) {
                char x = compact.charAt(i);
                char y = compact.charAt(i + 1);
                if (x == y) {
                    continue;
                }
                char[] t = compact.toCharArray();
                t[i] = y;
                t[i + 1] = x;
                String typed = new String(t);
                transpositions++;
                int distance = Math.floorMod(ALPHABET.indexOf(x) - ALPHABET.indexOf(y), 36);
                if (distance == 1 || distance == 35) {
                    consecutive++;
                    missed += checks(typed) ? 1 : 0;
                } else {
                    assertFalse(checks(typed), () -> "transposition not caught in " + typed);
                    assertFalse(MpiId.isValid(hyphenated(typed)), () -> "transposition accepted: " + typed);
                }
            }
            assertEquals(hyphenated(compact), MpiId.parse(hyphenated(compact).toLowerCase(Locale.ROOT)).toString());
        }
        // Expected: 1/36 of the consecutive swaps (about 1/630 of all transpositions).
        double missedShare = (double) missed / consecutive;
        assertTrue(missedShare > 0.01 && missedShare < 0.05, missed + " of " + consecutive);
        assertTrue((double) missed / transpositions < 0.003, missed + " of " + transpositions);
    }

    @Test
    void swapsOfConsecutiveValuesAreMissedInOneStateOfThirtySix() {
        // The 36 one-character prefixes "0".."Z" lead to the 36 states; after each, try every consecutive pair.
        int missed = 0;
        for (int s = 0; s < 36; s++) {
            for (int a = 0; a < 36; a++) {
                String prefix = String.valueOf(ALPHABET.charAt(s));
                String ab = prefix + ALPHABET.charAt(a) + ALPHABET.charAt((a + 1) % 36) + "0";
                String ba = prefix + ALPHABET.charAt((a + 1) % 36) + ALPHABET.charAt(a) + "0";
                missed += MpiId.checkCharacter(ab) == MpiId.checkCharacter(ba) ? 1 : 0;
            }
        }
        assertEquals(36, missed, "one unordered consecutive pair per state");
    }

    @Test
    void equalityIsByValue() throws AppException {
        MpiId a = MpiId.parse(VALID);
        MpiId b = MpiId.generate("SN", "DKR", 2026, new ScriptedRandom(9, 33, 26, 7, 21, 22, 2));
        MpiId c = MpiId.generate("SN", "DKR", 2026, new ScriptedRandom(9, 33, 26, 7, 21, 22, 3));
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertNotEquals(a, VALID);
    }

    @Test
    void errorMessageExistsInEnglishAndFrenchWithFrenchSpacing() {
        String en = Messages.get(Locale.ENGLISH, MpiId.INVALID_ID_KEY);
        String fr = Messages.get(Locale.FRENCH, MpiId.INVALID_ID_KEY);
        assertNotEquals(MpiId.INVALID_ID_KEY, en);
        assertNotEquals(en, fr);
        assertTrue(fr.contains("SN-DKR-26-9XQ7LM26\u00a0:"), fr);
        assertTrue(MpiId.isValid("SN-DKR-26-9XQ7LM26"), "the example in the message must be a valid id");
    }

    private static boolean checks(String compact) {
        return MpiId.checkCharacter(compact.substring(0, 14)) == compact.charAt(14);
    }

    private static String randomCompactId(Random random) {
        StringBuilder s = new StringBuilder(15);
        s.append((char) ('A' + random.nextInt(26))).append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 3; i++) {
            s.append(ALPHABET.charAt(random.nextInt(36)));
        }
        s.append((char) ('0' + random.nextInt(10))).append((char) ('0' + random.nextInt(10)));
        for (int i = 0; i < 7; i++) {
            s.append(ALPHABET.charAt(random.nextInt(36)));
        }
        return s.append(MpiId.checkCharacter(s.toString())).toString();
    }

    private static String hyphenated(String compact) {
        return compact.substring(0, 2) + "-" + compact.substring(2, 5) + "-" + compact.substring(5, 7) + "-"
                + compact.substring(7);
    }
}
