package org.carnet.core.registry;

import org.carnet.core.common.AppException;

/** A registry operation failed. The message key tells the user what happened; details name rows, never values. */
public class RegistryException extends AppException {
    public RegistryException(String messageKey, String detail, Object... args) {
        super(messageKey, detail, args);
    }

    public RegistryException(String messageKey, String detail, Throwable cause, Object... args) {
        super(messageKey, detail, cause, args);
    }
}
