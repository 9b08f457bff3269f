package org.carnet.core.registry.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.crypto.CryptoIntegrityException;
import org.carnet.core.crypto.DataKey;
import org.carnet.core.crypto.FieldCipher;
import org.carnet.core.crypto.KdfParams;
import org.carnet.core.crypto.RecoveryKey;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.RegistryException;
import org.carnet.core.registry.WrongPassphraseException;

/**
 * The backup file: a small plaintext header (format, registry id, the two wrapped copies of the data key and the
 * Argon2 parameters — nothing personal, nothing usable without the passphrase or recovery key), then a consistent
 * SQLite snapshot encrypted with AES-256-GCM in 1 MiB chunks. Each chunk's associated data binds the registry id,
 * its index and whether it is the last, so reordering, swapping or truncating chunks is detected.
 */
public final class BackupFormat {
    static final String MAGIC = "CARNET-BACKUP";
    static final int VERSION = 1;
    static final int CHUNK = 1 << 20;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private BackupFormat() {
    }

    static void write(Path snapshot, Path out, String registryId, Map<String, SqliteRegistry.Keyslot> slots,
            byte[] backupKey) throws RegistryException {
        Path tmp = out.resolveSibling(out.getFileName() + ".partial");
        FieldCipher cipher = new FieldCipher(backupKey);
        Properties header = new Properties();
        header.setProperty("format", MAGIC);
        header.setProperty("version", Integer.toString(VERSION));
        header.setProperty("registry_id", registryId);
        header.setProperty("created_at", Clock.systemUTC().instant().toString());
        SqliteRegistry.Keyslot p = slots.get(SqliteRegistry.SLOT_PASSPHRASE);
        SqliteRegistry.Keyslot r = slots.get(SqliteRegistry.SLOT_RECOVERY);
        header.setProperty("passphrase.kdf", p.kdf());
        header.setProperty("passphrase.wrapped", Base64.getEncoder().encodeToString(p.wrapped()));
        header.setProperty("recovery.wrapped", Base64.getEncoder().encodeToString(r.wrapped()));
        try (java.io.FileOutputStream fileOut = new java.io.FileOutputStream(tmp.toFile());
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(fileOut, CHUNK));
                InputStream in = new BufferedInputStream(Files.newInputStream(snapshot), CHUNK)) {
            data.writeUTF(MAGIC);
            java.io.StringWriter sw = new java.io.StringWriter();
            header.store(sw, null);
            data.writeUTF(sw.toString());
            byte[] buf = in.readNBytes(CHUNK);
            long index = 0;
            while (true) {
                byte[] next = buf.length == CHUNK ? in.readNBytes(CHUNK) : new byte[0];
                boolean last = next.length == 0;
                byte[] blob = cipher.encrypt(buf, aad(registryId, index, last));
                data.writeInt(blob.length);
                data.write(blob);
                if (last) {
                    break;
                }
                buf = next;
                index++;
            }
            data.flush();
            fileOut.getFD().sync();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to clean
            }
            throw new RegistryException("error.backup.write", "backup not written: " + e.getClass().getSimpleName(),
                    e, out);
        }
        try {
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RegistryException("error.backup.write", "backup not moved into place", e, out);
        }
    }

    private static byte[] aad(String registryId, long index, boolean last) {
        return ("carnet/backup/v1|" + registryId + "|" + index + "|" + (last ? "last" : "more"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Restores {@code backup} to {@code target}; exactly one of passphrase and recoveryKey is non-null. */
    public static Path restore(Path backup, Path target, char[] passphrase, RecoveryKey recoveryKey, AuditActor actor)
            throws RegistryException {
        if (!Files.isRegularFile(backup)) {
            throw new RegistryException("error.backup.missing", "no backup file", backup);
        }
        Path restoring = target.resolveSibling(target.getFileName() + ".restoring");
        DataKey key;
        String registryId;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(backup), CHUNK))) {
            Properties header = new Properties();
            try {
                if (!MAGIC.equals(in.readUTF())) {
                    throw new RegistryException("error.backup.notBackup", "not a Carnet backup", backup);
                }
                header.load(new java.io.StringReader(in.readUTF()));
            } catch (IOException | IllegalArgumentException e) {
                throw new RegistryException("error.backup.notBackup", "not a Carnet backup", e, backup);
            }
            registryId = header.getProperty("registry_id");
            if (!Integer.toString(VERSION).equals(header.getProperty("version")) || registryId == null) {
                throw new RegistryException("error.backup.notBackup", "unsupported backup version", backup);
            }
            key = unwrap(header, passphrase, recoveryKey);
            try {
                Files.createDirectories(target.toAbsolutePath().getParent());
                SqliteRegistry.deleteWithSidecars(restoring);
                decryptBody(in, restoring, new FieldCipher(key.backupKey()), registryId);
            } catch (RegistryException e) {
                key.close();
                throw e;
            }
        } catch (IOException e) {
            throw new RegistryException("error.backup.read", "backup unreadable: " + e.getClass().getSimpleName(), e,
                    backup);
        }
        try {
            verifySnapshot(restoring, registryId);
            Path previous = null;
            if (Files.exists(target)) {
                previous = target.resolveSibling(target.getFileName() + ".before-restore-"
                        + STAMP.format(Clock.systemUTC().instant()));
                SqliteRegistry.moveInto(target, previous);
                for (String side : new String[] {"-wal", "-shm"}) {
                    Path s = target.resolveSibling(target.getFileName() + side);
                    if (Files.exists(s)) {
                        SqliteRegistry.moveInto(s, previous.resolveSibling(previous.getFileName() + side));
                    }
                }
            }
            SqliteRegistry.moveInto(restoring, target);
            SqliteRegistry.withKey(target, key, actor, r -> r.audit("registry.restored",
                    "backup=" + backup.getFileName() + (recoveryKey != null ? " with=recovery_key" : ""), null));
            return previous;
        } catch (IOException e) {
            key.close();
            throw new RegistryException("error.backup.restoreMove", "restored file not moved into place", e, target);
        }
    }

    private static DataKey unwrap(Properties header, char[] passphrase, RecoveryKey recoveryKey)
            throws RegistryException {
        try {
            if (recoveryKey != null) {
                return DataKey.unwrap(Base64.getDecoder().decode(header.getProperty("recovery.wrapped", "")),
                        recoveryKey.keyEncryptionKey(), SqliteRegistry.SLOT_RECOVERY);
            }
            KdfParams params = KdfParams.decode(header.getProperty("passphrase.kdf", ""));
            return DataKey.unwrap(Base64.getDecoder().decode(header.getProperty("passphrase.wrapped", "")),
                    Argon2Kdf.derive(passphrase, params), SqliteRegistry.SLOT_PASSPHRASE);
        } catch (CryptoIntegrityException e) {
            throw new WrongPassphraseException(recoveryKey != null ? "error.registry.wrongRecoveryKey"
                    : "error.backup.wrongPassphrase");
        } catch (IllegalArgumentException e) {
            throw new RegistryException("error.backup.notBackup", "malformed backup header", e);
        }
    }

    private static void decryptBody(DataInputStream in, Path out, FieldCipher cipher, String registryId)
            throws RegistryException, IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), CHUNK)) {
            long index = 0;
            while (true) {
                int len;
                try {
                    len = in.readInt();
                } catch (EOFException e) {
                    throw new RegistryException("error.backup.truncated", "backup ends early at chunk " + index);
                }
                if (len < 0 || len > CHUNK + 64) {
                    throw new RegistryException("error.backup.corrupt", "bad chunk length at chunk " + index, index);
                }
                byte[] blob = new byte[len];
                try {
                    in.readFully(blob);
                } catch (EOFException e) {
                    throw new RegistryException("error.backup.truncated", "backup ends early at chunk " + index);
                }
                byte[] plain;
                boolean last;
                try {
                    plain = cipher.decrypt(blob, aad(registryId, index, false));
                    last = false;
                } catch (CryptoIntegrityException notMore) {
                    try {
                        plain = cipher.decrypt(blob, aad(registryId, index, true));
                        last = true;
                    } catch (CryptoIntegrityException e) {
                        throw new RegistryException("error.backup.corrupt", "chunk " + index + " fails authentication",
                                index);
                    }
                }
                o.write(plain);
                if (last) {
                    if (in.read() != -1) {
                        throw new RegistryException("error.backup.corrupt", "data after the last chunk", index);
                    }
                    return;
                }
                index++;
            }
        } catch (RegistryException e) {
            Files.deleteIfExists(out);
            throw e;
        }
    }

    private static void verifySnapshot(Path restored, String registryId) throws RegistryException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + restored.toAbsolutePath());
                Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("PRAGMA integrity_check")) {
                if (!rs.next() || !"ok".equals(rs.getString(1))) {
                    throw new RegistryException("error.backup.corrupt", "restored database fails integrity_check");
                }
            }
            if (!registryId.equals(SqliteRegistry.meta(c, "registry_id"))) {
                throw new RegistryException("error.backup.corrupt", "restored database does not match its header");
            }
        } catch (SQLException e) {
            throw new RegistryException("error.backup.corrupt", "restored database unreadable", e);
        }
    }
}
