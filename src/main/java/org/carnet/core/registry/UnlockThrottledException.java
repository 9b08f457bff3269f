package org.carnet.core.registry;

/** Too many wrong passphrases in a row: the next try is allowed after {@link #secondsToWait()}. */
public final class UnlockThrottledException extends RegistryException {
    private final long secondsToWait;

    public UnlockThrottledException(long secondsToWait) {
        super("error.registry.throttled", "unlock throttled for " + secondsToWait + " s", secondsToWait);
        this.secondsToWait = secondsToWait;
    }

    public long secondsToWait() {
        return secondsToWait;
    }
}
