package org.carnet.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed blind indexes: HMAC-SHA256 over a domain and a normalised value, truncated to 128 bits. Equal values give
 * equal indexes, so lookups never decrypt the registry; without the key an index reveals nothing. Thread-safe.
 */
public final class BlindIndex {
    public static final int LENGTH = 16;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(this::newMac);

    public BlindIndex(byte[] key32) {
        this.key = new SecretKeySpec(key32, "HmacSHA256");
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The index of {@code value} in {@code domain} (e.g. "tei", "mpi", "block"). The caller normalises. */
    public byte[] of(String domain, String value) {
        Mac m = mac.get();
        m.update(domain.getBytes(StandardCharsets.UTF_8));
        m.update((byte) 0);
        byte[] full = m.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(full, LENGTH);
    }

    /** A full-length MAC (for the audit anchor). */
    public byte[] mac(String domain, byte[] data) {
        Mac m = mac.get();
        m.update(domain.getBytes(StandardCharsets.UTF_8));
        m.update((byte) 0);
        return m.doFinal(data);
    }
}
