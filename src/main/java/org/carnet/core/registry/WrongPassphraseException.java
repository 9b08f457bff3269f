package org.carnet.core.registry;

/** The passphrase (or recovery key) does not unlock this registry. Nothing was changed. */
public final class WrongPassphraseException extends RegistryException {
    public WrongPassphraseException(String messageKey) {
        super(messageKey, "wrong passphrase or recovery key");
    }
}
