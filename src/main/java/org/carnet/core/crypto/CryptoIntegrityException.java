package org.carnet.core.crypto;

/** A ciphertext failed authentication: it was altered, moved to another row, or the key is wrong. */
public final class CryptoIntegrityException extends Exception {
    public CryptoIntegrityException(String detail) {
        super(detail);
    }
}
