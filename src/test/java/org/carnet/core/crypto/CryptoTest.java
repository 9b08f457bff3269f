package org.carnet.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CryptoTest {
    private final DataKey key = DataKey.generate();

    @Test
    void fieldCipherRoundTripsWithAFreshNoncePerValue() throws Exception {
        byte[] aad = FieldCipher.aad("identities", "r1", "demo");
        byte[] a = key.fields().encryptString("Fatou Diop", aad);
        byte[] b = key.fields().encryptString("Fatou Diop", aad);
        assertFalse(java.util.Arrays.equals(a, b), "same value, different ciphertexts");
        assertEquals("Fatou Diop", key.fields().decryptString(a, aad));
    }

    @Test
    void aCiphertextMovedToAnotherRowOrColumnFails() {
        byte[] ct = key.fields().encryptString("1990-01-01", FieldCipher.aad("identities", "r1", "demo"));
        assertThrows(CryptoIntegrityException.class,
                () -> key.fields().decrypt(ct, FieldCipher.aad("identities", "r2", "demo")));
        assertThrows(CryptoIntegrityException.class,
                () -> key.fields().decrypt(ct, FieldCipher.aad("identities", "r1", "mpi")));
        byte[] flipped = ct.clone();
        flipped[20] ^= 1;
        assertThrows(CryptoIntegrityException.class,
                () -> key.fields().decrypt(flipped, FieldCipher.aad("identities", "r1", "demo")));
    }

    @Test
    void blindIndexesAreDeterministicPerKeyAndDomain() {
        assertArrayEquals(key.index().of("tei", "dNpxRu1mWG5"), key.index().of("tei", "dNpxRu1mWG5"));
        assertFalse(java.util.Arrays.equals(key.index().of("tei", "x"), key.index().of("mpi", "x")));
        assertFalse(java.util.Arrays.equals(key.index().of("tei", "x"), DataKey.generate().index().of("tei", "x")));
        assertEquals(BlindIndex.LENGTH, key.index().of("tei", "x").length);
    }

    @Test
    void dataKeyWrapsAndUnwrapsOnlyWithTheRightKekAndSlot() throws Exception {
        KdfParams params = Argon2Kdf.forTests();
        byte[] kek = Argon2Kdf.derive("correct horse battery".toCharArray(), params);
        byte[] wrapped = key.wrap(kek, "passphrase");
        assertTrue(DataKey.unwrap(wrapped, kek, "passphrase").sameKeyAs(key));
        byte[] wrong = Argon2Kdf.derive("correct horse batterY".toCharArray(), params);
        assertThrows(CryptoIntegrityException.class, () -> DataKey.unwrap(wrapped, wrong, "passphrase"));
        assertThrows(CryptoIntegrityException.class, () -> DataKey.unwrap(wrapped, kek, "recovery"));
    }

    @Test
    void argon2IsDeterministicAndNormalisesUnicode() {
        KdfParams params = Argon2Kdf.forTests();
        byte[] composed = Argon2Kdf.derive("caf\u00e9 au lait".toCharArray(), params);
        byte[] decomposed = Argon2Kdf.derive("cafe\u0301 au lait".toCharArray(), params);
        assertArrayEquals(composed, decomposed);
        assertNotEquals(new String(composed, StandardCharsets.ISO_8859_1),
                new String(Argon2Kdf.derive("cafe au lait".toCharArray(), params), StandardCharsets.ISO_8859_1));
        assertEquals(params, KdfParams.decode(params.encode()));
    }

    @Test
    void recoveryKeyRoundTripsAndCatchesTypos() {
        RecoveryKey rk = RecoveryKey.generate();
        String shown = rk.display();
        assertEquals(14, shown.split("-").length);
        RecoveryKey parsed = RecoveryKey.parse(shown.toLowerCase().replace("-", " "));
        assertArrayEquals(rk.keyEncryptionKey(), parsed.keyEncryptionKey());
        char c = shown.charAt(5);
        String typo = shown.substring(0, 5) + (c == 'A' ? 'B' : 'A') + shown.substring(6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecoveryKey.parse(typo));
        assertTrue(e.getMessage().contains("typo"));
    }

    @Test
    void passphrasePolicyRefusesShortAndCommonAndAcceptsLongPassphrases() {
        assertFalse(PassphrasePolicy.evaluate("short1!".toCharArray()).acceptable());
        assertFalse(PassphrasePolicy.evaluate("aaaaaaaaaaaaaaaa".toCharArray()).acceptable());
        assertFalse(PassphrasePolicy.evaluate("password123".toCharArray()).acceptable());
        assertTrue(PassphrasePolicy.evaluate("mangue verte a Thies".toCharArray()).acceptable());
        assertTrue(PassphrasePolicy.evaluate("Kx9!mq2#Lp".toCharArray()).acceptable());
        assertEquals(4, PassphrasePolicy.evaluate("le baobab de Kaolack fleurit en juin".toCharArray()).score());
    }

    @Test
    void calibrationUsesAtLeast64MiB() {
        KdfParams calibrated = Argon2Kdf.calibrate();
        assertTrue(calibrated.memoryKiB() >= 64 * 1024, calibrated.toString());
        assertEquals(KdfParams.ARGON2ID, calibrated.algorithm());
        assertThrows(IllegalArgumentException.class,
                () -> new KdfParams(KdfParams.ARGON2ID, 512, 1, 1, new byte[16]));
    }
}
