package org.carnet.core.sync;

import org.carnet.core.common.AppException;

/** A sync that cannot start: no saved connection, the program not cached, a mapping with blocking problems. */
public final class SyncException extends AppException {
    private final String code;

    public SyncException(String code, String messageKey, Object... args) {
        super(messageKey, "sync cannot run: " + code, args);
        this.code = code;
    }

    /** A stable code for reports: {@code NO_CONNECTION}, {@code PROGRAM_NOT_FOUND}, {@code MAPPING_INVALID}. */
    public String code() {
        return code;
    }
}
