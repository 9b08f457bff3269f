package org.carnet.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The registry's random 256-bit data key and the sub-keys derived from it (HKDF): one for field encryption, one
 * for blind indexes, one for backups. Wrapped (AES-256-GCM) by each key-encryption key: the passphrase's and the
 * recovery key's. Changing the passphrase re-wraps this key; the data never needs re-encrypting.
 */
public final class DataKey implements AutoCloseable {
    private final byte[] key;
    private final FieldCipher fields;
    private final BlindIndex index;

    private DataKey(byte[] key) {
        this.key = key;
        this.fields = new FieldCipher(Crypto.hkdf(key, "carnet/fields/v1", 32));
        this.index = new BlindIndex(Crypto.hkdf(key, "carnet/blind-index/v1", 32));
    }

    public static DataKey generate() {
        return new DataKey(Crypto.randomBytes(32));
    }

    public FieldCipher fields() {
        return fields;
    }

    public BlindIndex index() {
        return index;
    }

    /** Key for whole-file backup encryption. */
    public byte[] backupKey() {
        return Crypto.hkdf(key, "carnet/backup/v1", 32);
    }

    /** Wraps the data key with a key-encryption key; {@code slot} ("passphrase", "recovery") is bound as AAD. */
    public byte[] wrap(byte[] kek, String slot) {
        return new FieldCipher(kek).encrypt(key, wrapAad(slot));
    }

    public static DataKey unwrap(byte[] wrapped, byte[] kek, String slot) throws CryptoIntegrityException {
        byte[] k = new FieldCipher(kek).decrypt(wrapped, wrapAad(slot));
        if (k.length != 32) {
            throw new CryptoIntegrityException("wrapped key has the wrong length");
        }
        return new DataKey(k);
    }

    private static byte[] wrapAad(String slot) {
        return ("carnet/data-key/v1|" + slot).getBytes(StandardCharsets.UTF_8);
    }

    /** True when both objects hold the same key (constant time). */
    public boolean sameKeyAs(DataKey other) {
        return Crypto.equal(key, other.key);
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "DataKey<redacted>";
    }
}
