package org.carnet.core.guard;

import org.carnet.core.common.AppException;

/** An admin's change to the guard that the policy refuses (a sensitive category removed without a reason). */
public final class GuardPolicyException extends AppException {
    public GuardPolicyException(String messageKey, Object... args) {
        super(messageKey, "guard change refused: " + messageKey, args);
    }
}
