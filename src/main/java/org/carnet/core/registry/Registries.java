package org.carnet.core.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.carnet.core.crypto.KdfParams;
import org.carnet.core.crypto.RecoveryKey;
import org.carnet.core.registry.internal.BackupFormat;
import org.carnet.core.registry.internal.SqliteRegistry;
import org.carnet.core.registry.internal.UnlockThrottle;

/** Creating, unlocking and restoring registries. */
public final class Registries {
    private Registries() {
    }

    /** A new registry and its recovery key (to show once and never store). */
    public record Created(Registry registry, RecoveryKey recoveryKey) {
    }

    public static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    /**
     * Creates a registry protected by {@code passphrase} (checked against {@link
     * org.carnet.core.crypto.PassphrasePolicy}) with Argon2id parameters {@code kdf} (use
     * {@link org.carnet.core.crypto.Argon2Kdf#calibrate()} for a real registry).
     */
    public static Created create(Path file, char[] passphrase, KdfParams kdf, AuditActor actor)
            throws RegistryException {
        return SqliteRegistry.create(file, passphrase, kdf, actor);
    }

    /**
     * Unlocks an existing registry. A wrong passphrase throws {@link WrongPassphraseException} and changes nothing but
     * the failure counter; after repeated failures {@link UnlockThrottledException} asks the user to wait.
     */
    public static Registry open(Path file, char[] passphrase, AuditActor actor) throws RegistryException {
        return SqliteRegistry.open(file, passphrase, actor, Clock.systemUTC());
    }

    /** Unlocks without writing anything (no audit entry, no migration): to verify the audit log as it is. */
    public static Registry openForVerification(Path file, char[] passphrase, AuditActor actor)
            throws RegistryException {
        return SqliteRegistry.openForVerification(file, passphrase, actor);
    }

    /** Unlocks with the recovery key and sets a new passphrase at once. */
    public static Registry openWithRecoveryKey(Path file, RecoveryKey recoveryKey, char[] newPassphrase,
            AuditActor actor) throws RegistryException {
        return SqliteRegistry.openWithRecoveryKey(file, recoveryKey, newPassphrase, actor);
    }

    /**
     * Restores a backup made by {@link Registry#backup(Path)} to {@code target}, unlocking it with the passphrase
     * that was current when it was made. An existing registry at {@code target} is kept aside, never deleted.
     *
     * @return where the previous registry was moved, or null when there was none
     */
    public static Path restore(Path backup, Path target, char[] passphrase, AuditActor actor) throws RegistryException {
        return BackupFormat.restore(backup, target, passphrase, null, actor);
    }

    /** Same, with the recovery key instead of the passphrase. */
    public static Path restore(Path backup, Path target, RecoveryKey recoveryKey, AuditActor actor)
            throws RegistryException {
        return BackupFormat.restore(backup, target, null, recoveryKey, actor);
    }

    /** Seconds before the next unlock attempt is allowed (0 when none). */
    public static long secondsBeforeNextAttempt(Path file) {
        return new UnlockThrottle(file, Clock.systemUTC()).secondsToWait();
    }
}
