package org.carnet.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for single values. Each value gets a fresh 96-bit random nonce, and associated data that binds it to
 * its table, row and column: a ciphertext copied to another row or column fails to decrypt.
 *
 * <p>Layout: {@code 0x01 | nonce (12) | ciphertext | tag (16)}. Thread-safe.
 */
public final class FieldCipher {
    static final byte VERSION = 1;
    static final int NONCE = 12;
    static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final ThreadLocal<Cipher> cipher = ThreadLocal.withInitial(FieldCipher::newCipher);

    public FieldCipher(byte[] key32) {
        if (key32.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = new SecretKeySpec(key32, "AES");
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public static byte[] aad(String table, String rowId, String column) {
        return ("carnet/v1|" + table + "|" + rowId + "|" + column).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] encrypt(byte[] plaintext, byte[] aad) {
        byte[] out = new byte[1 + NONCE + plaintext.length + TAG_BITS / 8];
        out[0] = VERSION;
        byte[] nonce = new byte[NONCE];
        Crypto.RANDOM.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, 1, NONCE);
        try {
            Cipher c = cipher.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, out, 1, NONCE));
            c.updateAAD(aad);
            c.doFinal(plaintext, 0, plaintext.length, out, 1 + NONCE);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] blob, byte[] aad) throws CryptoIntegrityException {
        if (blob == null || blob.length < 1 + NONCE + TAG_BITS / 8 || blob[0] != VERSION) {
            throw new CryptoIntegrityException("malformed ciphertext");
        }
        try {
            Cipher c = cipher.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 1, NONCE));
            c.updateAAD(aad);
            return c.doFinal(blob, 1 + NONCE, blob.length - 1 - NONCE);
        } catch (AEADBadTagException e) {
            throw new CryptoIntegrityException("authentication failed");
        } catch (GeneralSecurityException e) {
            throw new CryptoIntegrityException("decryption failed: " + e.getClass().getSimpleName());
        }
    }

    public byte[] encryptString(String value, byte[] aad) {
        return encrypt(value.getBytes(StandardCharsets.UTF_8), aad);
    }

    public String decryptString(byte[] blob, byte[] aad) throws CryptoIntegrityException {
        return new String(decrypt(blob, aad), StandardCharsets.UTF_8);
    }
}
