package org.carnet.core.common;

/**
 * Base of Carnet's checked exceptions. Carries a message key for the user (resolved from the resource bundles by
 * the UI or the CLI) and a technical detail for the log. Neither may hold personal values: identifiers only.
 */
public class AppException extends Exception {
    private final String messageKey;
    private final transient Object[] args;

    public AppException(String messageKey, String detail, Object... args) {
        super(detail);
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public AppException(String messageKey, String detail, Throwable cause, Object... args) {
        super(detail, cause);
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** Key in the {@code messages} bundle, for example {@code error.home.notWritable}. */
    public String messageKey() {
        return messageKey;
    }

    /** Arguments for the localised message (identifiers, paths, counts; never personal values). */
    public Object[] args() {
        return args.clone();
    }
}
