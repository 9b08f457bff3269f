package org.carnet.core.registry.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.crypto.Crypto;
import org.carnet.core.crypto.CryptoIntegrityException;
import org.carnet.core.crypto.DataKey;
import org.carnet.core.crypto.FieldCipher;
import org.carnet.core.crypto.KdfParams;
import org.carnet.core.crypto.PassphrasePolicy;
import org.carnet.core.crypto.RecoveryKey;
import org.carnet.core.guard.Redactor;
import org.carnet.core.model.Demographics;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.AuditEntry;
import org.carnet.core.registry.AuditVerification;
import org.carnet.core.guard.GuardedValue;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.guard.SensitiveValue;
import org.carnet.core.registry.EnrollmentRecord;
import org.carnet.core.registry.IdentityEvent;
import org.carnet.core.registry.ReviewItem;
import org.carnet.core.registry.SyncCheckpoint;
import org.carnet.core.registry.SyncRunRecord;
import org.carnet.core.registry.ExternalIdLink;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.IssuedCard;
import org.carnet.core.registry.NewReviewItem;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryException;
import org.carnet.core.registry.RegistryIntegrityException;
import org.carnet.core.registry.RegistryStats;
import org.carnet.core.registry.ResolutionBatch;
import org.carnet.core.registry.UnlockThrottledException;
import org.carnet.core.registry.WrongPassphraseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry on SQLite: WAL journal, synchronous=FULL, one writer thread, batched transactions; field-level
 * AES-256-GCM with row-bound associated data; blind indexes for lookups; an append-only SHA-256 audit chain whose
 * head is anchored with a keyed MAC.
 */
public final class SqliteRegistry implements Registry {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteRegistry.class);
    static final String SLOT_PASSPHRASE = "passphrase";
    static final String SLOT_RECOVERY = "recovery";
    static final String RECOVERY_KDF = "hkdf-sha256";
    static final String GENESIS_PREV = "0".repeat(64);

    private final Path file;
    private final AuditActor actor;
    private final DataKey key;
    private final Connection writeConn;
    private final Connection readConn;
    private final ExecutorService writer;
    private final Clock clock;
    private final String registryId;
    private long auditSeq;
    private String auditHead;
    /** False when the stored anchor did not match the chain head at open: then it is never moved again. */
    private boolean anchorIntact = true;
    private volatile boolean closed;

    private SqliteRegistry(Path file, AuditActor actor, DataKey key, Connection writeConn, Clock clock)
            throws SQLException {
        this.file = file;
        this.actor = actor;
        this.key = key;
        this.writeConn = writeConn;
        this.clock = clock;
        this.readConn = connect(file);
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "registry-writer");
            t.setDaemon(true);
            return t;
        });
        this.registryId = meta(readConn, "registry_id");
        loadAuditHead();
        String anchor = meta(readConn, "audit_anchor");
        anchorIntact = auditSeq == 0 ? anchor == null : (auditSeq + ":" + anchor(auditSeq, auditHead)).equals(anchor);
        if (!anchorIntact) {
            LOG.error("Audit log head does not match its anchor: entries were removed; the anchor is kept as evidence");
        }
    }

    // ---------------------------------------------------------------- lifecycle

    static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA secure_delete = ON");
            s.execute("PRAGMA temp_store = MEMORY");
            // Blind indexes are random keys: a larger page cache keeps index inserts from thrashing, and rarer
            // checkpoints keep fsyncs down during a large sync. Durability is unchanged (synchronous = FULL).
            s.execute("PRAGMA cache_size = -65536");
            s.execute("PRAGMA wal_autocheckpoint = 8000");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    public static Registries.Created create(Path file, char[] passphrase, KdfParams kdf, AuditActor actor)
            throws RegistryException {
        return createAtVersion(file, passphrase, kdf, actor, Schema.LATEST);
    }

    /** Creates a registry whose schema stops at {@code version} (tests of migrations use older versions). */
    public static Registries.Created createAtVersion(Path file, char[] passphrase, KdfParams kdf, AuditActor actor,
            int version) throws RegistryException {
        PassphrasePolicy.Strength strength = PassphrasePolicy.evaluate(passphrase);
        if (!strength.acceptable()) {
            throw new RegistryException("error.registry.weakPassphrase", "passphrase refused by policy");
        }
        if (Files.exists(file)) {
            throw new RegistryException("error.registry.exists", "a registry already exists", file);
        }
        Path creating = file.resolveSibling(file.getFileName() + ".creating");
        Clock clock = Clock.systemUTC();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            deleteWithSidecars(creating);
        } catch (IOException e) {
            throw new RegistryException("error.registry.cantOpen", "cannot prepare " + file.getFileName(), e, file);
        }
        DataKey dataKey = DataKey.generate();
        RecoveryKey recovery = RecoveryKey.generate();
        byte[] kek = Argon2Kdf.derive(passphrase, kdf);
        String now = now(clock);
        try (Connection c = connect(creating)) {
            Schema.migrate(c, version);
            c.setAutoCommit(false);
            try (PreparedStatement k = c.prepareStatement(
                    "INSERT INTO keyring(slot, kdf, wrapped, updated_at) VALUES (?,?,?,?)");
                    PreparedStatement m = c.prepareStatement("INSERT INTO meta(key, value) VALUES (?,?)")) {
                k.setString(1, SLOT_PASSPHRASE);
                k.setString(2, kdf.encode());
                k.setBytes(3, dataKey.wrap(kek, SLOT_PASSPHRASE));
                k.setString(4, now);
                k.executeUpdate();
                k.setString(1, SLOT_RECOVERY);
                k.setString(2, RECOVERY_KDF);
                k.setBytes(3, dataKey.wrap(recovery.keyEncryptionKey(), SLOT_RECOVERY));
                k.setString(4, now);
                k.executeUpdate();
                m.setString(1, "registry_id");
                m.setString(2, newId());
                m.executeUpdate();
                m.setString(1, "created_at");
                m.setString(2, now);
                m.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        } catch (SQLException e) {
            dataKey.close();
            throw Sql.error(e, "create registry");
        }
        try {
            moveInto(creating, file);
        } catch (IOException e) {
            dataKey.close();
            throw new RegistryException("error.registry.cantOpen", "cannot move new registry into place", e, file);
        }
        try {
            SqliteRegistry r = new SqliteRegistry(file, actor, dataKey, connect(file), clock);
            r.write(c -> {
                r.appendAudit(c, "registry.created", "schema=" + version + " kdf=" + kdf, null);
                return null;
            });
            return new Registries.Created(r, recovery);
        } catch (SQLException e) {
            dataKey.close();
            throw Sql.error(e, "open new registry");
        }
    }

    public static SqliteRegistry open(Path file, char[] passphrase, AuditActor actor, Clock clock)
            throws RegistryException {
        return open(file, passphrase, actor, clock, Schema.LATEST);
    }

    /** Opens and migrates up to {@code migrateTo} (tests of migrations open old files without migrating). */
    public static SqliteRegistry open(Path file, char[] passphrase, AuditActor actor, Clock clock, int migrateTo)
            throws RegistryException {
        return open(file, passphrase, actor, clock, migrateTo, true);
    }

    /** Opens without writing anything (no "unlocked" entry, no migration): for {@code carnet audit verify}. */
    public static SqliteRegistry openForVerification(Path file, char[] passphrase, AuditActor actor)
            throws RegistryException {
        return open(file, passphrase, actor, Clock.systemUTC(), -1, false);
    }

    private static SqliteRegistry open(Path file, char[] passphrase, AuditActor actor, Clock clock, int migrateTo,
            boolean recordUnlock) throws RegistryException {
        if (!Files.isRegularFile(file)) {
            throw new RegistryException("error.registry.missing", "no registry file", file);
        }
        UnlockThrottle throttle = new UnlockThrottle(file, clock);
        long wait = throttle.secondsToWait();
        if (wait > 0) {
            throw new UnlockThrottledException(wait);
        }
        Connection c = null;
        try {
            c = connect(file);
            Keyslot slot = keyslot(c, SLOT_PASSPHRASE);
            KdfParams params = KdfParams.decode(slot.kdf());
            byte[] kek = Argon2Kdf.derive(passphrase, params);
            DataKey dataKey;
            try {
                dataKey = DataKey.unwrap(slot.wrapped(), kek, SLOT_PASSPHRASE);
            } catch (CryptoIntegrityException e) {
                throttle.recordFailure();
                c.close();
                throw new WrongPassphraseException("error.registry.wrongPassphrase");
            }
            throttle.reset();
            if (!recordUnlock) {
                return new SqliteRegistry(file, actor, dataKey, c, clock);
            }
            return finishOpen(file, actor, clock, migrateTo, c, dataKey);
        } catch (SQLException e) {
            closeQuietly(c);
            throw Sql.error(e, "open registry");
        } catch (IllegalArgumentException e) {
            closeQuietly(c);
            throw new RegistryException("error.registry.corrupt", "malformed key slot", e, file);
        }
    }

    public static SqliteRegistry openWithRecoveryKey(Path file, RecoveryKey recoveryKey, char[] newPassphrase,
            AuditActor actor) throws RegistryException {
        if (!Files.isRegularFile(file)) {
            throw new RegistryException("error.registry.missing", "no registry file", file);
        }
        if (!PassphrasePolicy.evaluate(newPassphrase).acceptable()) {
            throw new RegistryException("error.registry.weakPassphrase", "passphrase refused by policy");
        }
        Connection c = null;
        try {
            c = connect(file);
            Keyslot slot = keyslot(c, SLOT_RECOVERY);
            DataKey dataKey;
            try {
                dataKey = DataKey.unwrap(slot.wrapped(), recoveryKey.keyEncryptionKey(), SLOT_RECOVERY);
            } catch (CryptoIntegrityException e) {
                c.close();
                throw new WrongPassphraseException("error.registry.wrongRecoveryKey");
            }
            new UnlockThrottle(file, Clock.systemUTC()).reset();
            SqliteRegistry r = finishOpen(file, actor, Clock.systemUTC(), Schema.LATEST, c, dataKey);
            r.setPassphrase(newPassphrase, "passphrase.reset_with_recovery_key");
            return r;
        } catch (SQLException e) {
            closeQuietly(c);
            throw Sql.error(e, "open registry");
        }
    }

    private static SqliteRegistry finishOpen(Path file, AuditActor actor, Clock clock, int migrateTo, Connection c,
            DataKey dataKey) throws SQLException, RegistryException {
        int before = Schema.version(c);
        int after = Schema.migrate(c, migrateTo);
        SqliteRegistry r = new SqliteRegistry(file, actor, dataKey, c, clock);
        if (after != before) {
            r.write(w -> {
                r.appendAudit(w, "registry.migrated", "from=" + before + " to=" + after, null);
                return null;
            });
        }
        if (r.anchorIntact) {
            r.write(w -> {
                r.appendAudit(w, "registry.unlocked", "schema=" + after, null);
                return null;
            });
        }
        return r;
    }

    record Keyslot(String kdf, byte[] wrapped) {
    }

    @FunctionalInterface
    interface RegistryWork {
        void run(SqliteRegistry registry) throws RegistryException;
    }

    /** Opens {@code file} with an already unwrapped data key, runs {@code work}, closes. */
    static void withKey(Path file, DataKey dataKey, AuditActor actor, RegistryWork work) throws RegistryException {
        SqliteRegistry r;
        try {
            Connection c = connect(file);
            Schema.migrate(c, Schema.LATEST);
            r = new SqliteRegistry(file, actor, dataKey, c, Clock.systemUTC());
        } catch (SQLException e) {
            throw Sql.error(e, "open restored registry");
        }
        try {
            work.run(r);
        } finally {
            r.close();
        }
    }

    static Keyslot keyslot(Connection c, String slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kdf, wrapped FROM keyring WHERE slot = ?")) {
            ps.setString(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("key slot missing: " + slot, "", org.sqlite.SQLiteErrorCode.SQLITE_CORRUPT.code);
                }
                return new Keyslot(rs.getString(1), rs.getBytes(2));
            }
        }
    }

    static String meta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public AuditActor actor() {
        return actor;
    }

    String registryId() {
        return registryId;
    }

    DataKey dataKey() {
        return key;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Registry writer did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Statement s = writeConn.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.debug("Checkpoint on close failed: {}", e.getClass().getSimpleName());
        }
        synchronized (readConn) {
            for (PreparedStatement ps : readStatements.values()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    LOG.debug("statement close failed");
                }
            }
            readStatements.clear();
        }
        closeQuietly(readConn);
        closeQuietly(writeConn);
        key.close();
    }

    // ---------------------------------------------------------------- writer thread

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException, RegistryException;
    }

    /** Runs {@code work} in one transaction on the writer thread; rolls back and reports on any failure. */
    <T> T write(SqlWork<T> work) throws RegistryException {
        if (closed) {
            throw new RegistryException("error.registry.closed", "registry is closed");
        }
        Future<T> f = writer.submit(() -> {
            writeConn.setAutoCommit(false);
            long seqBefore = auditSeq;
            String headBefore = auditHead;
            try {
                T result = work.run(writeConn);
                writeConn.commit();
                return result;
            } catch (Exception e) {
                try {
                    writeConn.rollback();
                } catch (SQLException rollbackFailed) {
                    LOG.warn("Rollback failed: {}", rollbackFailed.getClass().getSimpleName());
                }
                auditSeq = seqBefore;
                auditHead = headBefore;
                throw e;
            } finally {
                try {
                    writeConn.setAutoCommit(true);
                } catch (SQLException e) {
                    // SQLite already rolled the transaction back (full disk, I/O error): the original error wins
                    LOG.debug("autocommit reset: {}", e.getClass().getSimpleName());
                }
            }
        });
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("error.registry.interrupted", "interrupted while writing");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RegistryException re) {
                throw re;
            }
            if (cause instanceof SQLException se) {
                throw Sql.error(se, "write");
            }
            throw new RegistryException("error.registry.sql", "write failed: " + cause.getClass().getSimpleName(),
                    cause, "write");
        }
    }

    private final Map<String, PreparedStatement> readStatements = new java.util.HashMap<>();

    /** A cached prepared statement on the reader connection; call only inside {@link #read}. */
    private PreparedStatement cached(Connection c, String sql) throws SQLException {
        if (c != readConn) {
            return c.prepareStatement(sql);
        }
        PreparedStatement ps = readStatements.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
            readStatements.put(sql, ps);
        }
        return ps;
    }

    /** Reads on the reader connection (WAL: never blocked by the writer). */
    private <T> T read(SqlWork<T> work, String operation) throws RegistryException {
        if (closed) {
            throw new RegistryException("error.registry.closed", "registry is closed");
        }
        synchronized (readConn) {
            try {
                return work.run(readConn);
            } catch (SQLException e) {
                throw Sql.error(e, operation);
            }
        }
    }

    // ---------------------------------------------------------------- crypto helpers

    private byte[] enc(String table, String rowId, String column, byte[] plaintext) {
        return key.fields().encrypt(plaintext, FieldCipher.aad(table, rowId, column));
    }

    private byte[] dec(String table, String rowId, String column, byte[] blob) throws RegistryIntegrityException {
        try {
            return key.fields().decrypt(blob, FieldCipher.aad(table, rowId, column));
        } catch (CryptoIntegrityException e) {
            LOG.error("Integrity error in {} row {} column {}", table, rowId, column);
            throw new RegistryIntegrityException(table, rowId, column);
        }
    }

    private byte[] bix(String domain, String value) {
        return key.index().of(domain, normalizeKey(value));
    }

    static String normalizeKey(String v) {
        return v == null ? "" : v.strip().toUpperCase(Locale.ROOT);
    }

    private static final java.util.concurrent.atomic.AtomicLong ID_SEQUENCE =
            new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() << 12);

    /**
     * A row id: an increasing sequence (so primary-key indexes grow at their end instead of splitting pages at
     * random) followed by random bits. Ids are not secret: they only name rows and bind ciphertexts to them.
     */
    static String newId() {
        long seq = ID_SEQUENCE.updateAndGet(prev -> Math.max(prev + 1, System.currentTimeMillis() << 12));
        return String.format("%014x", seq) + HexFormat.of().formatHex(Crypto.randomBytes(3));
    }

    private String now() {
        return now(clock);
    }

    private static String now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    // ---------------------------------------------------------------- audit

    private void loadAuditHead() throws SQLException {
        try (Statement s = readConn.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                auditSeq = rs.getLong(1);
                auditHead = rs.getString(2);
            } else {
                auditSeq = 0;
                auditHead = GENESIS_PREV;
            }
        }
    }

    static String canonical(long seq, String at, String channel, String action, String resource, byte[] detail) {
        return seq + "\n" + at + "\n" + channel + "\n" + action + "\n" + resource + "\n"
                + HexFormat.of().formatHex(detail) + "\n";
    }

    static String chainHash(String canonical, String prevHash) {
        return Crypto.sha256Hex((canonical + prevHash).getBytes(StandardCharsets.UTF_8));
    }

    private String anchor(long seq, String hash) {
        return HexFormat.of().formatHex(key.index().mac("audit-anchor",
                (registryId + "|" + seq + "|" + hash).getBytes(StandardCharsets.UTF_8)));
    }

    /** Appends one entry in the current transaction. Must run on the writer thread. */
    void appendAudit(Connection c, String action, String resource, String reason) throws SQLException {
        long seq = auditSeq + 1;
        String at = now();
        String safeReason = reason == null ? "" : Redactor.global().redact(reason);
        byte[] detail = enc("audit_log", Long.toString(seq), "detail",
                Codec.encode(List.of(actor.osUser(), safeReason)));
        String channel = actor.channel().name().toLowerCase(Locale.ROOT);
        String hash = chainHash(canonical(seq, at, channel, action, resource, detail), auditHead);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log(seq, at, channel, action, resource,"
                + " detail_enc, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, seq);
            ps.setString(2, at);
            ps.setString(3, channel);
            ps.setString(4, action);
            ps.setString(5, resource);
            ps.setBytes(6, detail);
            ps.setString(7, auditHead);
            ps.setString(8, hash);
            ps.executeUpdate();
        }
        if (anchorIntact) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta(key, value) VALUES ('audit_anchor', ?)"
                    + " ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, seq + ":" + anchor(seq, hash));
                ps.executeUpdate();
            }
        }
        auditSeq = seq;
        auditHead = hash;
    }

    @Override
    public void audit(String action, String resource, String reason) throws RegistryException {
        write(c -> {
            appendAudit(c, action, resource, reason);
            return null;
        });
    }

    @Override
    public List<AuditEntry> auditEntries(int limit) throws RegistryException {
        return read(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, channel, action, resource, detail_enc, hash"
                    + " FROM audit_log ORDER BY seq DESC LIMIT ?")) {
                ps.setInt(1, Math.max(0, limit));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        List<String> d = Codec.decode(dec("audit_log", Long.toString(seq), "detail", rs.getBytes(6)));
                        out.add(new AuditEntry(seq, Instant.parse(rs.getString(2)), d.get(0), rs.getString(3),
                                rs.getString(4), rs.getString(5), d.get(1), rs.getString(7)));
                    }
                }
            }
            return out;
        }, "read audit log");
    }

    @Override
    public AuditVerification verifyAudit() throws RegistryException {
        return read(c -> {
            long expected = 1;
            String prev = GENESIS_PREV;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT seq, at, channel, action, resource, detail_enc, prev_hash, hash FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (seq != expected) {
                        return AuditVerification.broken(expected - 1, expected, "audit.verify.missing");
                    }
                    if (!prev.equals(rs.getString(7))) {
                        return AuditVerification.broken(expected - 1, seq, "audit.verify.chainBroken");
                    }
                    String computed = chainHash(canonical(seq, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBytes(6)), prev);
                    if (!computed.equals(rs.getString(8))) {
                        return AuditVerification.broken(expected - 1, seq, "audit.verify.edited");
                    }
                    prev = computed;
                    expected++;
                }
            }
            long count = expected - 1;
            String anchor = meta(c, "audit_anchor");
            if (count > 0 && (anchor == null || !anchor.equals(count + ":" + anchor(count, prev)))) {
                long claimed = anchor == null ? count + 1 : Long.parseLong(anchor.substring(0, anchor.indexOf(':')));
                return AuditVerification.broken(count, Math.min(claimed, count + 1), "audit.verify.truncated");
            }
            return AuditVerification.ok(count);
        }, "verify audit log");
    }

    // ---------------------------------------------------------------- identities

    @Override
    public void saveIdentities(List<IdentityRecord> identities) throws RegistryException {
        if (identities.isEmpty()) {
            return;
        }
        write(c -> {
            saveIdentitiesInTx(c, identities);
            appendAudit(c, "identities.saved", "count=" + identities.size(), null);
            return null;
        });
    }

    void saveIdentitiesInTx(Connection c, List<IdentityRecord> identities) throws SQLException {
        String now = now();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO identities(id, mpi_bix, mpi_enc, demo_enc,"
                        + " status, created_at, updated_at) VALUES (?,?,?,?,?,?,?)");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE identities SET demo_enc = ?, status = ?, updated_at = ? WHERE id = ?");
                PreparedStatement clearBlocks = c.prepareStatement("DELETE FROM identity_blocks WHERE identity_id = ?");
                PreparedStatement block = c.prepareStatement(
                        "INSERT OR IGNORE INTO identity_blocks(identity_id, key_bix) VALUES (?,?)")) {
            List<byte[]> mpiBixes = new ArrayList<>(identities.size());
            for (IdentityRecord rec : identities) {
                mpiBixes.add(bix("mpi", rec.mpiId()));
            }
            Map<String, String> existing = existingIds(c, mpiBixes);
            for (int n = 0; n < identities.size(); n++) {
                IdentityRecord rec = identities.get(n);
                byte[] mpiBix = mpiBixes.get(n);
                String id = existing.get(HexFormat.of().formatHex(mpiBix));
                boolean isNew = id == null;
                if (isNew) {
                    id = newId();
                }
                byte[] demo = enc("identities", id, "demo", Codec.encode(demographics(rec.demographics())));
                String status = rec.status() == null ? IdentityRecord.ACTIVE : rec.status();
                if (isNew) {
                    insert.setString(1, id);
                    insert.setBytes(2, mpiBix);
                    insert.setBytes(3, enc("identities", id, "mpi", rec.mpiId().getBytes(StandardCharsets.UTF_8)));
                    insert.setBytes(4, demo);
                    insert.setString(5, status);
                    insert.setString(6, now);
                    insert.setString(7, now);
                    insert.addBatch();
                } else {
                    update.setBytes(1, demo);
                    update.setString(2, status);
                    update.setString(3, now);
                    update.setString(4, id);
                    update.executeUpdate();
                    clearBlocks.setString(1, id);
                    clearBlocks.executeUpdate();
                }
                for (String k : rec.blockingKeys()) {
                    block.setString(1, id);
                    block.setBytes(2, bix("block", k));
                    block.addBatch();
                }
            }
            insert.executeBatch();
            block.executeBatch();
        }
    }

    /** The row ids of the identities that already exist, by hex blind index, looked up 500 at a time. */
    private static Map<String, String> existingIds(Connection c, List<byte[]> mpiBixes) throws SQLException {
        Map<String, String> out = new java.util.HashMap<>();
        int chunk = 500;
        for (int from = 0; from < mpiBixes.size(); from += chunk) {
            List<byte[]> part = mpiBixes.subList(from, Math.min(mpiBixes.size(), from + chunk));
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT mpi_bix, id FROM identities WHERE mpi_bix IN (" + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setBytes(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(HexFormat.of().formatHex(rs.getBytes(1)), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> demographics(Demographics d) {
        if (d == null) {
            return java.util.Arrays.asList(null, null, null, null, null, null, null, null);
        }
        return java.util.Arrays.asList(d.firstName(), d.lastName(), d.dateOfBirth(), d.sex(), d.phone(),
                d.district(), d.region(), d.commune());
    }

    private IdentityRecord identityFrom(ResultSet rs) throws SQLException, RegistryIntegrityException {
        String id = rs.getString("id");
        String mpi = new String(dec("identities", id, "mpi", rs.getBytes("mpi_enc")), StandardCharsets.UTF_8);
        List<String> d;
        try {
            d = Codec.decode(dec("identities", id, "demo", rs.getBytes("demo_enc")));
        } catch (IllegalArgumentException e) {
            throw new RegistryIntegrityException("identities", id, "demo");
        }
        // identities saved before the commune was added hold seven values
        String commune = d.size() > 7 ? d.get(7) : null;
        return new IdentityRecord(mpi, new Demographics(d.get(0), d.get(1), d.get(2), d.get(3), d.get(4), d.get(5),
                d.get(6), commune), List.of(), rs.getString("status"), Instant.parse(rs.getString("created_at")),
                Instant.parse(rs.getString("updated_at")));
    }

    private static final String IDENTITY_COLUMNS = "i.id, i.mpi_enc, i.demo_enc, i.status, i.created_at, i.updated_at";

    @Override
    public Optional<IdentityRecord> identityByMpiId(String mpiId) throws RegistryException {
        byte[] b = bix("mpi", mpiId);
        return read(c -> {
            PreparedStatement ps = cached(c, "SELECT " + IDENTITY_COLUMNS + " FROM identities i WHERE i.mpi_bix = ?");
            ps.setBytes(1, b);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(identityFrom(rs)) : Optional.<IdentityRecord>empty();
            }
        }, "find identity");
    }

    @Override
    public Optional<IdentityRecord> identityByTei(String programUid, String teiUid) throws RegistryException {
        byte[] b = bix("tei", teiUid);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + IDENTITY_COLUMNS + " FROM identities i"
                    + " JOIN external_ids e ON e.identity_id = i.id WHERE e.program_uid = ? AND e.tei_bix = ?")) {
                ps.setString(1, programUid);
                ps.setBytes(2, b);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(identityFrom(rs)) : Optional.<IdentityRecord>empty();
                }
            }
        }, "find identity by TEI");
    }

    @Override
    public List<IdentityRecord> identitiesByBlockingKey(String blockingKey) throws RegistryException {
        byte[] b = bix("block", blockingKey);
        return read(c -> {
            List<IdentityRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + IDENTITY_COLUMNS + " FROM identities i"
                    + " JOIN identity_blocks k ON k.identity_id = i.id WHERE k.key_bix = ?")) {
                ps.setBytes(1, b);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(identityFrom(rs));
                    }
                }
            }
            return out;
        }, "find identities by blocking key");
    }

    @Override
    public void linkExternalId(String mpiId, String programUid, String teiUid) throws RegistryException {
        ExternalIdLink link = new ExternalIdLink(mpiId, programUid, teiUid);
        write(c -> {
            linkInTx(c, link);
            return null;
        });
    }

    /** Links (or relinks) one external id in the current transaction, audited. Must run on the writer thread. */
    private void linkInTx(Connection c, ExternalIdLink link) throws SQLException, RegistryException {
        String identityId = identityIdByBix(c, bix("mpi", link.mpiId()));
        if (identityId == null) {
            throw new RegistryException("error.registry.unknownIdentity", "no identity " + link.mpiId(),
                    link.mpiId());
        }
        byte[] teiBix = bix("tei", link.teiUid());
        String existing = null;
        String existingIdentity = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, identity_id FROM external_ids WHERE program_uid = ? AND tei_bix = ?")) {
            ps.setString(1, link.programUid());
            ps.setBytes(2, teiBix);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    existing = rs.getString(1);
                    existingIdentity = rs.getString(2);
                }
            }
        }
        if (existing == null) {
            String id = newId();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO external_ids(id, identity_id, program_uid,"
                    + " tei_bix, tei_enc, created_at) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, identityId);
                ps.setString(3, link.programUid());
                ps.setBytes(4, teiBix);
                ps.setBytes(5, enc("external_ids", id, "tei", link.teiUid().getBytes(StandardCharsets.UTF_8)));
                ps.setString(6, now());
                ps.executeUpdate();
            }
            // Row ids only: the TEI uid and MPI id are stored encrypted, so the audit must not spell them out.
            appendAudit(c, "external_id.linked", "program=" + link.programUid() + " external_id=" + id
                    + " identity=" + identityId, null);
        } else if (!existingIdentity.equals(identityId)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE external_ids SET identity_id = ? WHERE id = ?")) {
                ps.setString(1, identityId);
                ps.setString(2, existing);
                ps.executeUpdate();
            }
            appendAudit(c, "external_id.relinked", "program=" + link.programUid() + " external_id=" + existing
                    + " identity=" + identityId, null);
        }
    }

    @Override
    public void saveResolutions(ResolutionBatch batch) throws RegistryException {
        if (batch.isEmpty()) {
            return;
        }
        write(c -> {
            if (!batch.identities().isEmpty()) {
                saveIdentitiesInTx(c, batch.identities());
                appendAudit(c, "identities.saved", "count=" + batch.identities().size(), null);
            }
            for (ExternalIdLink link : batch.links()) {
                linkInTx(c, link);
            }
            for (NewReviewItem item : batch.reviewItems()) {
                createReviewItemInTx(c, item);
            }
            return null;
        });
    }

    /** Files a pending review item unless the pair already has one. Must run on the writer thread. */
    private void createReviewItemInTx(Connection c, NewReviewItem item) throws SQLException, RegistryException {
        String a = identityIdByBix(c, bix("mpi", item.mpiIdA()));
        String b = identityIdByBix(c, bix("mpi", item.mpiIdB()));
        if (a == null || b == null) {
            String missing = a == null ? item.mpiIdA() : item.mpiIdB();
            throw new RegistryException("error.registry.unknownIdentity", "no identity " + missing, missing);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM review_items WHERE status IN"
                + " ('pending','deferred','separated')"
                + " AND ((identity_a = ? AND identity_b = ?) OR (identity_a = ? AND identity_b = ?))")) {
            ps.setString(1, a);
            ps.setString(2, b);
            ps.setString(3, b);
            ps.setString(4, a);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        String id = newId();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_items(id, identity_a, identity_b, score,"
                + " explanation_enc, status, created_at) VALUES (?,?,?,?,?,'pending',?)")) {
            ps.setString(1, id);
            ps.setString(2, a);
            ps.setString(3, b);
            ps.setDouble(4, item.score());
            ps.setBytes(5, enc("review_items", id, "explanation",
                    item.explanation().getBytes(StandardCharsets.UTF_8)));
            ps.setString(6, now());
            ps.executeUpdate();
        }
        appendAudit(c, "review_item.created", "review_item=" + id + " identity_a=" + a + " identity_b=" + b
                + String.format(Locale.ROOT, " score=%.4f", item.score()), null);
    }

    @Override
    public void forEachIdentity(Consumer<IdentityRecord> sink) throws RegistryException {
        read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, mpi_enc, demo_enc, status, created_at, updated_at FROM identities ORDER BY rowid")) {
                while (rs.next()) {
                    sink.accept(identityFrom(rs));
                }
            }
            return null;
        }, "read identities");
    }

    @Override
    public void forEachExternalId(Consumer<ExternalIdLink> sink) throws RegistryException {
        read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT e.id, e.program_uid,"
                    + " e.tei_enc, i.id, i.mpi_enc FROM external_ids e JOIN identities i ON i.id = e.identity_id"
                    + " ORDER BY e.program_uid, e.rowid")) {
                while (rs.next()) {
                    String tei = new String(dec("external_ids", rs.getString(1), "tei", rs.getBytes(3)),
                            StandardCharsets.UTF_8);
                    String mpi = new String(dec("identities", rs.getString(4), "mpi", rs.getBytes(5)),
                            StandardCharsets.UTF_8);
                    sink.accept(new ExternalIdLink(mpi, rs.getString(2), tei));
                }
            }
            return null;
        }, "read external ids");
    }

    @Override
    public Map<String, Long> externalIdCounts() throws RegistryException {
        return countsBy("SELECT program_uid, COUNT(*) FROM external_ids GROUP BY program_uid ORDER BY program_uid",
                "count external ids");
    }

    private static String identityIdByBix(Connection c, byte[] mpiBix) throws SQLException {
        return rowIdByKey(c, "SELECT id FROM identities WHERE mpi_bix = ?", mpiBix);
    }

    /** The row id found by a one-parameter lookup on a blind index, or null. */
    private static String rowIdByKey(Connection c, String sql, byte[] key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    // ---------------------------------------------------------------- review, merges, corrections

    private ReviewItem reviewRow(Connection c, ResultSet rs) throws SQLException, RegistryIntegrityException {
        String id = rs.getString("id");
        return new ReviewItem(id, mpiOf(c, rs.getString("identity_a")), mpiOf(c, rs.getString("identity_b")),
                rs.getDouble("score"), new String(dec("review_items", id, "explanation", rs.getBytes("explanation_enc")),
                StandardCharsets.UTF_8), rs.getString("status"), Instant.parse(rs.getString("created_at")),
                rs.getString("decided_at") == null ? null : Instant.parse(rs.getString("decided_at")));
    }

    private String mpiOf(Connection c, String identityId) throws SQLException, RegistryIntegrityException {
        try (PreparedStatement ps = c.prepareStatement("SELECT mpi_enc FROM identities WHERE id = ?")) {
            ps.setString(1, identityId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new String(dec("identities", identityId, "mpi", rs.getBytes(1)), StandardCharsets.UTF_8);
            }
        }
    }

    @Override
    public List<ReviewItem> reviewItems(String status, int limit) throws RegistryException {
        return read(c -> {
            List<ReviewItem> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM review_items WHERE "
                    + (status == null ? "status IN ('pending','deferred')" : "status = ?")
                    + " ORDER BY created_at, rowid LIMIT ?")) {
                int i = 1;
                if (status != null) {
                    ps.setString(i++, status);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(reviewRow(c, rs));
                    }
                }
            }
            return out;
        }, "read review items");
    }

    @Override
    public Optional<ReviewItem> reviewItem(String id) throws RegistryException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM review_items WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(reviewRow(c, rs)) : Optional.<ReviewItem>empty();
                }
            }
        }, "read review item");
    }

    @Override
    public Map<String, Long> reviewCounts() throws RegistryException {
        return countsBy("SELECT status, COUNT(*) FROM review_items GROUP BY status ORDER BY status",
                "count review items");
    }

    /** A {@code key, count} query as an ordered map. */
    private Map<String, Long> countsBy(String sql, String operation) throws RegistryException {
        return read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        }, operation);
    }

    private String requireIdentity(Connection c, String mpiId) throws SQLException, RegistryException {
        String id = identityIdByBix(c, bix("mpi", mpiId));
        if (id == null) {
            throw new RegistryException("error.registry.unknownIdentity", "no identity " + mpiId, mpiId);
        }
        return id;
    }

    private void decideItem(Connection c, String reviewItemId, String status, String reason) throws SQLException {
        if (reviewItemId == null) {
            return;
        }
        String now = now();
        try (PreparedStatement ps = c.prepareStatement("UPDATE review_items SET status = ?, decided_at = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, now);
            ps.setString(3, reviewItemId);
            ps.executeUpdate();
        }
        String id = newId();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_decisions(id, review_item_id, decision,"
                + " note_enc, decided_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, reviewItemId);
            ps.setString(3, status);
            ps.setBytes(4, enc("review_decisions", id, "note", reason.getBytes(StandardCharsets.UTF_8)));
            ps.setString(5, now);
            ps.executeUpdate();
        }
    }

    private void event(Connection c, String identityId, String kind, String otherId, String reason)
            throws SQLException {
        String id = newId();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO identity_events(id, identity_id, kind, other_id,"
                + " reason_enc, created_at) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, identityId);
            ps.setString(3, kind);
            ps.setString(4, otherId);
            ps.setBytes(5, enc("identity_events", id, "reason", reason.getBytes(StandardCharsets.UTF_8)));
            ps.setString(6, now());
            ps.executeUpdate();
        }
    }

    @Override
    public String mergeIdentities(String reviewItemId, String survivingMpiId, String mergedMpiId, String reason)
            throws RegistryException {
        return write(c -> {
            String survivor = requireIdentity(c, survivingMpiId);
            String merged = requireIdentity(c, mergedMpiId);
            if (survivor.equals(merged)) {
                throw new RegistryException("error.review.sameIdentity", "an identity cannot be merged into itself");
            }
            List<String> moved = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM external_ids WHERE identity_id = ?")) {
                ps.setString(1, merged);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        moved.add("x:" + rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM issued_cards WHERE identity_id = ?")) {
                ps.setString(1, merged);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        moved.add("c:" + rs.getString(1));
                    }
                }
            }
            for (String table : List.of("external_ids", "issued_cards", "enrollments")) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET identity_id = ?"
                        + " WHERE identity_id = ?")) {
                    ps.setString(1, survivor);
                    ps.setString(2, merged);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE identities SET status = 'merged', merged_into = ?,"
                    + " updated_at = ? WHERE id = ?")) {
                ps.setString(1, survivor);
                ps.setString(2, now());
                ps.setString(3, merged);
                ps.executeUpdate();
            }
            String mergeId = newId();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO merges(id, surviving_id, merged_id,"
                    + " review_item_id, moved_enc, reason_enc, created_at) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, mergeId);
                ps.setString(2, survivor);
                ps.setString(3, merged);
                ps.setString(4, reviewItemId);
                ps.setBytes(5, enc("merges", mergeId, "moved", Codec.encode(moved)));
                ps.setBytes(6, enc("merges", mergeId, "reason", reason.getBytes(StandardCharsets.UTF_8)));
                ps.setString(7, now());
                ps.executeUpdate();
            }
            decideItem(c, reviewItemId, ReviewItem.LINKED, reason);
            appendAudit(c, "mpi.merge", "merge=" + mergeId + " surviving=" + survivor + " merged=" + merged
                    + (reviewItemId == null ? "" : " review_item=" + reviewItemId) + " moved=" + moved.size(), reason);
            return mergeId;
        });
    }

    @Override
    public void undoMerge(String mergeId, String reason) throws RegistryException {
        write(c -> {
            String survivor;
            String merged;
            List<String> moved;
            try (PreparedStatement ps = c.prepareStatement("SELECT surviving_id, merged_id, moved_enc, undone_at"
                    + " FROM merges WHERE id = ?")) {
                ps.setString(1, mergeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new RegistryException("error.review.noMerge", "no merge " + mergeId, mergeId);
                    }
                    if (rs.getString(4) != null) {
                        throw new RegistryException("error.review.alreadyUndone", "merge already undone", mergeId);
                    }
                    survivor = rs.getString(1);
                    merged = rs.getString(2);
                    moved = Codec.decode(dec("merges", mergeId, "moved", rs.getBytes(3)));
                }
            }
            for (String m : moved) {
                String table = m.startsWith("x:") ? "external_ids" : "issued_cards";
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET identity_id = ? WHERE id = ?")) {
                    ps.setString(1, merged);
                    ps.setString(2, m.substring(2));
                    ps.executeUpdate();
                }
                if (m.startsWith("x:")) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE enrollments SET identity_id = ? WHERE"
                            + " tei_bix = (SELECT tei_bix FROM external_ids WHERE id = ?) AND program_uid ="
                            + " (SELECT program_uid FROM external_ids WHERE id = ?)")) {
                        ps.setString(1, merged);
                        ps.setString(2, m.substring(2));
                        ps.setString(3, m.substring(2));
                        ps.executeUpdate();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE identities SET status = 'active', merged_into = NULL,"
                    + " updated_at = ? WHERE id = ?")) {
                ps.setString(1, now());
                ps.setString(2, merged);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE merges SET undone_at = ?, undo_reason_enc = ?"
                    + " WHERE id = ?")) {
                ps.setString(1, now());
                ps.setBytes(2, enc("merges", mergeId, "undo_reason", reason.getBytes(StandardCharsets.UTF_8)));
                ps.setString(3, mergeId);
                ps.executeUpdate();
            }
            rememberSeparated(c, survivor, merged, reason);
            appendAudit(c, "mpi.unmerge", "merge=" + mergeId + " surviving=" + survivor + " merged=" + merged, reason);
            return null;
        });
    }

    /** Records two identities as two people: an item decided "separated" that the queue never files again. */
    private void rememberSeparated(Connection c, String a, String b, String reason) throws SQLException {
        String id = newId();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_items(id, identity_a, identity_b, score,"
                + " explanation_enc, status, created_at, decided_at) VALUES (?,?,?,0,?,'separated',?,?)")) {
            ps.setString(1, id);
            ps.setString(2, a);
            ps.setString(3, b);
            ps.setBytes(4, enc("review_items", id, "explanation", "{\"reason\":\"separated\"}"
                    .getBytes(StandardCharsets.UTF_8)));
            ps.setString(5, now());
            ps.setString(6, now());
            ps.executeUpdate();
        }
        event(c, a, "separated", b, reason);
        event(c, b, "separated", a, reason);
    }

    @Override
    public void separateIdentities(String reviewItemId, String reason) throws RegistryException {
        write(c -> {
            String a;
            String b;
            try (PreparedStatement ps = c.prepareStatement("SELECT identity_a, identity_b FROM review_items WHERE id = ?")) {
                ps.setString(1, reviewItemId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new RegistryException("error.review.noItem", "no review item", reviewItemId);
                    }
                    a = rs.getString(1);
                    b = rs.getString(2);
                }
            }
            decideItem(c, reviewItemId, ReviewItem.SEPARATED, reason);
            event(c, a, "separated", b, reason);
            event(c, b, "separated", a, reason);
            appendAudit(c, "mpi.separate", "review_item=" + reviewItemId + " identity_a=" + a + " identity_b=" + b,
                    reason);
            return null;
        });
    }

    @Override
    public void deferReviewItem(String reviewItemId, String reason) throws RegistryException {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE review_items SET status = 'deferred' WHERE id = ?"
                    + " AND status IN ('pending','deferred')")) {
                ps.setString(1, reviewItemId);
                if (ps.executeUpdate() == 0) {
                    throw new RegistryException("error.review.noItem", "no open review item", reviewItemId);
                }
            }
            appendAudit(c, "mpi.defer", "review_item=" + reviewItemId, reason);
            return null;
        });
    }

    @Override
    public boolean separated(String mpiIdA, String mpiIdB) throws RegistryException {
        return read(c -> {
            String a = identityIdByBix(c, bix("mpi", mpiIdA));
            String b = identityIdByBix(c, bix("mpi", mpiIdB));
            if (a == null || b == null) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM review_items WHERE status = 'separated'"
                    + " AND ((identity_a = ? AND identity_b = ?) OR (identity_a = ? AND identity_b = ?))")) {
                ps.setString(1, a);
                ps.setString(2, b);
                ps.setString(3, b);
                ps.setString(4, a);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }, "read separation");
    }

    @Override
    public List<IdentityEvent> identityHistory(String mpiId) throws RegistryException {
        return read(c -> {
            String id = identityIdByBix(c, bix("mpi", mpiId));
            List<IdentityEvent> out = new ArrayList<>();
            if (id == null) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, surviving_id, merged_id, reason_enc, created_at,"
                    + " undone_at FROM merges WHERE surviving_id = ? OR merged_id = ?")) {
                ps.setString(1, id);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String mergeId = rs.getString(1);
                        boolean survivor = id.equals(rs.getString(2));
                        out.add(new IdentityEvent(Instant.parse(rs.getString(5)), survivor ? IdentityEvent.MERGED_IN
                                : IdentityEvent.MERGED_INTO, mpiOf(c, survivor ? rs.getString(3) : rs.getString(2)),
                                mergeId, new String(dec("merges", mergeId, "reason", rs.getBytes(4)),
                                        StandardCharsets.UTF_8), rs.getString(6) != null));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, other_id, reason_enc, created_at FROM"
                    + " identity_events WHERE identity_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String eid = rs.getString(1);
                        out.add(new IdentityEvent(Instant.parse(rs.getString(5)), rs.getString(2),
                                rs.getString(3) == null ? null : mpiOf(c, rs.getString(3)), null,
                                new String(dec("identity_events", eid, "reason", rs.getBytes(4)),
                                        StandardCharsets.UTF_8), false));
                    }
                }
            }
            out.sort(java.util.Comparator.comparing(IdentityEvent::at).reversed());
            return out;
        }, "read identity history");
    }

    @Override
    public List<ExternalIdLink> externalIds(String mpiId) throws RegistryException {
        return read(c -> {
            String id = identityIdByBix(c, bix("mpi", mpiId));
            List<ExternalIdLink> out = new ArrayList<>();
            if (id == null) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, program_uid, tei_enc FROM external_ids"
                    + " WHERE identity_id = ? ORDER BY program_uid, rowid")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ExternalIdLink(mpiId, rs.getString(2), new String(dec("external_ids",
                                rs.getString(1), "tei", rs.getBytes(3)), StandardCharsets.UTF_8)));
                    }
                }
            }
            return out;
        }, "read external ids");
    }

    @Override
    public void splitExternalId(String programUid, String teiUid, IdentityRecord created, String reason)
            throws RegistryException {
        byte[] tei = bix("tei", teiUid);
        write(c -> {
            String linkId;
            String from;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, identity_id FROM external_ids WHERE"
                    + " program_uid = ? AND tei_bix = ?")) {
                ps.setString(1, programUid);
                ps.setBytes(2, tei);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new RegistryException("error.review.noLink", "record not linked", programUid);
                    }
                    linkId = rs.getString(1);
                    from = rs.getString(2);
                }
            }
            saveIdentitiesInTx(c, List.of(created));
            String to = requireIdentity(c, created.mpiId());
            try (PreparedStatement ps = c.prepareStatement("UPDATE external_ids SET identity_id = ? WHERE id = ?")) {
                ps.setString(1, to);
                ps.setString(2, linkId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE enrollments SET identity_id = ? WHERE"
                    + " program_uid = ? AND tei_bix = ?")) {
                ps.setString(1, to);
                ps.setString(2, programUid);
                ps.setBytes(3, tei);
                ps.executeUpdate();
            }
            rememberSeparated(c, from, to, reason);
            event(c, to, "forced", from, reason);
            appendAudit(c, "mpi.register_forced", "identity=" + to + " split_from=" + from + " program=" + programUid,
                    reason);
            return null;
        });
    }

    @Override
    public void correctIdentity(IdentityRecord corrected, String reason) throws RegistryException {
        write(c -> {
            String id = requireIdentity(c, corrected.mpiId());
            saveIdentitiesInTx(c, List.of(corrected));
            event(c, id, "corrected", null, reason);
            appendAudit(c, "mpi.correct", "identity=" + id, reason);
            return null;
        });
    }

    // ---------------------------------------------------------------- programs and enrollments

    @Override
    public void saveProgram(ProgramInfo program) throws RegistryException {
        write(c -> {
            upsertProgram(c, program);
            appendAudit(c, "program.cached", "program=" + program.uid() + " attributes=" + program.attributes().size(),
                    null);
            return null;
        });
    }

    @Override
    public void replacePrograms(List<ProgramInfo> programs) throws RegistryException {
        write(c -> {
            List<String> keep = new ArrayList<>();
            for (ProgramInfo p : programs) {
                upsertProgram(c, p);
                keep.add(p.uid());
            }
            int removed = 0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT uid FROM programs")) {
                List<String> gone = new ArrayList<>();
                while (rs.next()) {
                    if (!keep.contains(rs.getString(1))) {
                        gone.add(rs.getString(1));
                    }
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM programs WHERE uid = ?")) {
                    for (String uid : gone) {
                        del.setString(1, uid);
                        removed += del.executeUpdate();
                    }
                }
            }
            appendAudit(c, "programs.refreshed", "programs=" + programs.size() + " removed=" + removed, null);
            return null;
        });
    }

    private void upsertProgram(Connection c, ProgramInfo program) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO programs(uid, name_enc, attributes_enc,"
                + " fetched_at) VALUES (?,?,?,?) ON CONFLICT(uid) DO UPDATE SET name_enc = excluded.name_enc,"
                + " attributes_enc = excluded.attributes_enc, fetched_at = excluded.fetched_at")) {
            ps.setString(1, program.uid());
            ps.setBytes(2, enc("programs", program.uid(), "name", program.name().getBytes(StandardCharsets.UTF_8)));
            ps.setBytes(3, enc("programs", program.uid(), "attributes", ProgramCodec.encode(program)));
            ps.setString(4, now());
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<ProgramInfo> program(String uid) throws RegistryException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name_enc, attributes_enc FROM programs WHERE uid = ?")) {
                ps.setString(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(programRow(uid, rs.getBytes(1), rs.getBytes(2)))
                            : Optional.<ProgramInfo>empty();
                }
            }
        }, "read program");
    }

    @Override
    public List<ProgramInfo> programs() throws RegistryException {
        List<ProgramInfo> all = read(c -> {
            List<ProgramInfo> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT uid, name_enc, attributes_enc FROM programs")) {
                while (rs.next()) {
                    out.add(programRow(rs.getString(1), rs.getBytes(2), rs.getBytes(3)));
                }
            }
            return out;
        }, "read programs");
        all.sort(java.util.Comparator.comparing(ProgramInfo::name, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    private ProgramInfo programRow(String uid, byte[] nameEnc, byte[] attributesEnc) throws RegistryIntegrityException {
        String name = new String(dec("programs", uid, "name", nameEnc), StandardCharsets.UTF_8);
        return ProgramCodec.decode(uid, name, dec("programs", uid, "attributes", attributesEnc));
    }

    // ---------------------------------------------------------------- connection profiles

    @Override
    public void saveConnectionProfile(String id, byte[] document) throws RegistryException {
        saveEncrypted("connection_profiles", "profile", id, document, "connection.saved", "profile=" + id, null);
    }

    @Override
    public Optional<byte[]> connectionProfile(String id) throws RegistryException {
        return readEncrypted("connection_profiles", "profile", id, "read connection profile");
    }

    /**
     * Inserts or replaces the encrypted {@code <column>_enc} of row {@code id} in a table keyed by a plaintext id with
     * {@code created_at} and {@code updated_at}, audited as {@code action} on {@code resource}.
     */
    private void saveEncrypted(String table, String column, String id, byte[] plaintext, String action,
            String resource, String reason) throws RegistryException {
        write(c -> {
            String now = now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + "(id, " + column + "_enc,"
                    + " created_at, updated_at) VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE SET " + column
                    + "_enc = excluded." + column + "_enc, updated_at = excluded.updated_at")) {
                ps.setString(1, id);
                ps.setBytes(2, enc(table, id, column, plaintext));
                ps.setString(3, now);
                ps.setString(4, now);
                ps.executeUpdate();
            }
            appendAudit(c, action, resource, reason);
            return null;
        });
    }

    /** The decrypted {@code <column>_enc} of row {@code id}, as written by {@link #saveEncrypted}. */
    private Optional<byte[]> readEncrypted(String table, String column, String id, String operation)
            throws RegistryException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + column + "_enc FROM " + table + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(dec(table, id, column, rs.getBytes(1))) : Optional.<byte[]>empty();
                }
            }
        }, operation);
    }

    @Override
    public void saveEnrollments(List<EnrollmentRecord> enrollments) throws RegistryException {
        if (enrollments.isEmpty()) {
            return;
        }
        write(c -> {
            String now = now();
            try (PreparedStatement find = c.prepareStatement("SELECT id FROM enrollments WHERE enrollment_uid = ?");
                    PreparedStatement upsert = c.prepareStatement("INSERT INTO enrollments(id, enrollment_uid,"
                            + " program_uid, org_unit_uid, tei_bix, identity_id, status, enrolled_at, occurred_at,"
                            + " updated_at, values_enc, synced_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                            + " ON CONFLICT(id) DO UPDATE SET program_uid = excluded.program_uid,"
                            + " org_unit_uid = excluded.org_unit_uid, tei_bix = excluded.tei_bix,"
                            + " identity_id = excluded.identity_id, status = excluded.status,"
                            + " enrolled_at = excluded.enrolled_at, occurred_at = excluded.occurred_at,"
                            + " updated_at = excluded.updated_at, values_enc = excluded.values_enc,"
                            + " synced_at = excluded.synced_at")) {
                for (EnrollmentRecord e : enrollments) {
                    find.setString(1, e.enrollmentUid());
                    String id;
                    try (ResultSet rs = find.executeQuery()) {
                        id = rs.next() ? rs.getString(1) : newId();
                    }
                    List<String> values = new ArrayList<>();
                    for (EnrollmentRecord.Value v : e.values()) {
                        values.add(v.attributeUid());
                        if (v.value() instanceof SensitiveValue sv) {
                            values.add(sv.revealForEncryption());
                            values.add(sv.category().name());
                        } else {
                            values.add(((GuardedValue.Plain) v.value()).text());
                            values.add(null);
                        }
                    }
                    upsert.setString(1, id);
                    upsert.setString(2, e.enrollmentUid());
                    upsert.setString(3, e.programUid());
                    upsert.setString(4, e.orgUnitUid());
                    upsert.setBytes(5, bix("tei", e.teiUid()));
                    upsert.setString(6, e.mpiId() == null ? null : identityIdByBix(c, bix("mpi", e.mpiId())));
                    upsert.setString(7, e.status());
                    upsert.setString(8, e.enrolledAt() == null ? null : e.enrolledAt().toString());
                    upsert.setString(9, e.occurredAt() == null ? null : e.occurredAt().toString());
                    upsert.setString(10, e.updatedAt() == null ? null : e.updatedAt().toString());
                    upsert.setBytes(11, enc("enrollments", id, "values", Codec.encode(values)));
                    upsert.setString(12, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            appendAudit(c, "enrollments.saved", "count=" + enrollments.size(), null);
            return null;
        });
    }

    @Override
    public void forEachEnrollment(String programUid, Consumer<EnrollmentRecord> sink) throws RegistryException {
        read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.enrollment_uid, e.org_unit_uid, e.status,"
                    + " e.enrolled_at, e.occurred_at, e.updated_at, e.values_enc, i.id, i.mpi_enc FROM enrollments e"
                    + " LEFT JOIN identities i ON i.id = e.identity_id WHERE e.program_uid = ? ORDER BY e.rowid")) {
                ps.setString(1, programUid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        List<String> flat = Codec.decode(dec("enrollments", id, "values", rs.getBytes(8)));
                        List<EnrollmentRecord.Value> values = new ArrayList<>();
                        for (int i = 0; i + 2 < flat.size(); i += 3) {
                            String category = flat.get(i + 2);
                            values.add(new EnrollmentRecord.Value(flat.get(i), flat.get(i + 1),
                                    category == null ? SensitiveCategory.NONE : storedCategory(category)));
                        }
                        String mpi = rs.getString(9) == null ? null : new String(dec("identities", rs.getString(9),
                                "mpi", rs.getBytes(10)), StandardCharsets.UTF_8);
                        sink.accept(new EnrollmentRecord(rs.getString(2), programUid, rs.getString(3), null, mpi,
                                rs.getString(4), instant(rs.getString(5)), instant(rs.getString(6)),
                                instant(rs.getString(7)), values));
                    }
                }
            }
            return null;
        }, "read enrollments");
    }

    /** A stored category; one this version does not know stays sensitive (as HIV/AIDS, the strictest handling). */
    private static SensitiveCategory storedCategory(String name) {
        try {
            return SensitiveCategory.valueOf(name);
        } catch (IllegalArgumentException e) {
            return SensitiveCategory.HIV_AIDS;
        }
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    @Override
    public Map<String, String> enrollmentVersions(String programUid, java.util.Collection<String> enrollmentUids)
            throws RegistryException {
        if (enrollmentUids.isEmpty()) {
            return Map.of();
        }
        return read(c -> {
            Map<String, String> out = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT updated_at FROM enrollments WHERE program_uid = ?"
                    + " AND enrollment_uid = ?")) {
                for (String uid : enrollmentUids) {
                    ps.setString(1, programUid);
                    ps.setString(2, uid);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(uid, rs.getString(1) == null ? "" : rs.getString(1));
                        }
                    }
                }
            }
            return out;
        }, "read enrollment versions");
    }

    @Override
    public java.util.Set<String> enrollmentUids(String programUid) throws RegistryException {
        return strings("SELECT enrollment_uid FROM enrollments WHERE program_uid = ?", "read enrollment uids",
                programUid);
    }

    /** The first column of a query's rows, as a set. */
    private java.util.Set<String> strings(String sql, String operation, String... params) throws RegistryException {
        return read(c -> {
            java.util.Set<String> out = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        }, operation);
    }

    @Override
    public java.util.Set<String> enrollmentUidsSyncedSince(String programUid, Instant since)
            throws RegistryException {
        // synced_at is ISO text with or without milliseconds: compared as text from a whole second earlier, so that
        // every write from the second of "since" on is included.
        String from = since.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1).toString();
        return strings("SELECT enrollment_uid FROM enrollments WHERE program_uid = ? AND synced_at >= ?",
                "read synced enrollment uids", programUid, from);
    }

    @Override
    public int deleteEnrollments(String programUid, java.util.Collection<String> enrollmentUids)
            throws RegistryException {
        if (enrollmentUids.isEmpty()) {
            return 0;
        }
        return write(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM enrollments WHERE program_uid = ?"
                    + " AND enrollment_uid = ?")) {
                for (String uid : enrollmentUids) {
                    ps.setString(1, programUid);
                    ps.setString(2, uid);
                    n += ps.executeUpdate();
                }
            }
            if (n > 0) {
                appendAudit(c, "enrollments.deleted", "program=" + programUid + " count=" + n, null);
            }
            return n;
        });
    }

    @Override
    public void saveSyncRun(SyncRunRecord r) throws RegistryException {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_runs(id, program_uid, trigger, status,"
                    + " started_at, finished_at, fetched, created, updated, unchanged, deleted, mpi_resolved,"
                    + " mpi_pending_review, mpi_created, sensitive_blocked, duration_ms, error_code, detail)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                    + " status = excluded.status, finished_at = excluded.finished_at, fetched = excluded.fetched,"
                    + " created = excluded.created, updated = excluded.updated, unchanged = excluded.unchanged,"
                    + " deleted = excluded.deleted, mpi_resolved = excluded.mpi_resolved,"
                    + " mpi_pending_review = excluded.mpi_pending_review, mpi_created = excluded.mpi_created,"
                    + " sensitive_blocked = excluded.sensitive_blocked, duration_ms = excluded.duration_ms,"
                    + " error_code = excluded.error_code, detail = excluded.detail")) {
                ps.setString(1, r.id());
                ps.setString(2, r.programUid());
                ps.setString(3, r.trigger());
                ps.setString(4, r.status());
                ps.setString(5, r.startedAt().toString());
                ps.setString(6, r.finishedAt() == null ? null : r.finishedAt().toString());
                long[] n = {r.fetched(), r.created(), r.updated(), r.unchanged(), r.deleted(), r.mpiLinked(),
                        r.mpiReview(), r.mpiNew(), r.sensitiveBlocked(), r.durationMs()};
                for (int i = 0; i < n.length; i++) {
                    ps.setLong(7 + i, n[i]);
                }
                ps.setString(17, r.errorCode());
                ps.setString(18, r.detail());
                ps.executeUpdate();
            }
            if (!"running".equals(r.status())) {
                appendAudit(c, "sync.run", "program=" + r.programUid() + " run=" + r.id() + " status=" + r.status()
                        + " fetched=" + r.fetched() + " created=" + r.created() + " updated=" + r.updated()
                        + " deleted=" + r.deleted(), null);
            }
            return null;
        });
    }

    @Override
    public List<SyncRunRecord> syncRuns(String programUid, int limit) throws RegistryException {
        return read(c -> {
            List<SyncRunRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, program_uid, trigger, status, started_at,"
                    + " finished_at, fetched, created, updated, unchanged, deleted, mpi_resolved, mpi_pending_review,"
                    + " mpi_created, sensitive_blocked, duration_ms, error_code, detail FROM sync_runs"
                    + (programUid == null ? "" : " WHERE program_uid = ?") + " ORDER BY started_at DESC, rowid DESC"
                    + " LIMIT ?")) {
                int i = 1;
                if (programUid != null) {
                    ps.setString(i++, programUid);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SyncRunRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Instant.parse(rs.getString(5)), rs.getString(6) == null ? null
                                        : Instant.parse(rs.getString(6)), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                                rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14),
                                rs.getLong(15), rs.getLong(16), rs.getString(17), rs.getString(18)));
                    }
                }
            }
            return out;
        }, "read sync runs");
    }

    @Override
    public Optional<SyncCheckpoint> syncCheckpoint(String programUid) throws RegistryException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_updated_at, run_id, pending_since,"
                    + " pending_offset, pending_cursor, pending_mode FROM sync_checkpoints WHERE program_uid = ?")) {
                ps.setString(1, programUid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new SyncCheckpoint(programUid, rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6)))
                            : Optional.<SyncCheckpoint>empty();
                }
            }
        }, "read sync checkpoint");
    }

    @Override
    public void saveSyncCheckpoint(SyncCheckpoint cp) throws RegistryException {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_checkpoints(program_uid, last_updated_at,"
                    + " page, run_id, updated_at, pending_since, pending_offset, pending_cursor, pending_mode)"
                    + " VALUES (?,?,0,?,?,?,?,?,?) ON CONFLICT(program_uid) DO UPDATE SET"
                    + " last_updated_at = excluded.last_updated_at, run_id = excluded.run_id,"
                    + " updated_at = excluded.updated_at, pending_since = excluded.pending_since,"
                    + " pending_offset = excluded.pending_offset, pending_cursor = excluded.pending_cursor,"
                    + " pending_mode = excluded.pending_mode")) {
                ps.setString(1, cp.programUid());
                ps.setString(2, cp.cursor());
                ps.setString(3, cp.pendingRunId());
                ps.setString(4, now());
                ps.setString(5, cp.pendingSince());
                ps.setLong(6, cp.pendingOffset());
                ps.setString(7, cp.pendingCursor());
                ps.setString(8, cp.pendingMode());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public RegistryStats stats() throws RegistryException {
        return read(c -> {
            long identities = count(c, "SELECT COUNT(*) FROM identities WHERE status = 'active'");
            long review = count(c, "SELECT COUNT(*) FROM review_items WHERE status = 'pending'");
            long cards = count(c, "SELECT COUNT(*) FROM issued_cards");
            Map<String, RegistryStats.ProgramStats> programs = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT uid, name_enc FROM programs ORDER BY uid")) {
                while (rs.next()) {
                    String uid = rs.getString(1);
                    names.put(uid, new String(dec("programs", uid, "name", rs.getBytes(2)), StandardCharsets.UTF_8));
                }
            }
            Map<String, long[]> counts = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT program_uid,"
                    + " COUNT(DISTINCT tei_bix), COUNT(*) FROM enrollments GROUP BY program_uid ORDER BY program_uid")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            java.util.Set<String> uids = new java.util.TreeSet<>(names.keySet());
            uids.addAll(counts.keySet());
            for (String uid : uids) {
                long[] n = counts.getOrDefault(uid, new long[2]);
                programs.put(uid, new RegistryStats.ProgramStats(names.get(uid), n[0], n[1]));
            }
            return new RegistryStats(identities, review, cards, programs);
        }, "count registry");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    // ---------------------------------------------------------------- secrets

    @Override
    public void putSecret(String name, byte[] value) throws RegistryException {
        byte[] nameBix = bix("secret", name);
        write(c -> {
            String id = rowIdByKey(c, "SELECT id FROM secrets WHERE name_bix = ?", nameBix);
            if (id == null) {
                id = newId();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO secrets(name_bix, id, value_enc, updated_at)"
                    + " VALUES (?,?,?,?) ON CONFLICT(name_bix) DO UPDATE SET value_enc = excluded.value_enc,"
                    + " updated_at = excluded.updated_at")) {
                ps.setBytes(1, nameBix);
                ps.setString(2, id);
                ps.setBytes(3, enc("secrets", id, "value", value));
                ps.setString(4, now());
                ps.executeUpdate();
            }
            appendAudit(c, "secret.stored", "secret=" + id, null);
            return null;
        });
    }

    @Override
    public Optional<byte[]> secret(String name) throws RegistryException {
        byte[] nameBix = bix("secret", name);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, value_enc FROM secrets WHERE name_bix = ?")) {
                ps.setBytes(1, nameBix);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(dec("secrets", rs.getString(1), "value", rs.getBytes(2)))
                            : Optional.<byte[]>empty();
                }
            }
        }, "read secret");
    }

    // ---------------------------------------------------------------- documents

    @Override
    public void saveDocument(String name, byte[] document, String reason) throws RegistryException {
        saveEncrypted("documents", "document", name, document, "document.saved", "document=" + name, reason);
    }

    @Override
    public void saveDocument(String name, byte[] document, String action, String resource, String reason)
            throws RegistryException {
        saveEncrypted("documents", "document", name, document, action, resource, reason);
    }

    @Override
    public Optional<byte[]> document(String name) throws RegistryException {
        return readEncrypted("documents", "document", name, "read document");
    }

    // ---------------------------------------------------------------- card designs and issued cards

    @Override
    public void saveCardDesign(String id, String template, byte[] design) throws RegistryException {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO card_designs(id, template, design_enc,"
                    + " updated_at) VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE SET template = excluded.template,"
                    + " design_enc = excluded.design_enc, updated_at = excluded.updated_at")) {
                ps.setString(1, id);
                ps.setString(2, template);
                ps.setBytes(3, enc("card_designs", id, "design", design));
                ps.setString(4, now());
                ps.executeUpdate();
            }
            appendAudit(c, "card.design.saved", "design=" + id + " template=" + template, null);
            return null;
        });
    }

    @Override
    public Optional<byte[]> cardDesign(String id) throws RegistryException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT design_enc FROM card_designs WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(dec("card_designs", id, "design", rs.getBytes(1)))
                            : Optional.<byte[]>empty();
                }
            }
        }, "read card design");
    }

    @Override
    public void saveIssuedCards(List<IssuedCard> cards) throws RegistryException {
        if (cards.isEmpty()) {
            return;
        }
        write(c -> {
            Map<String, String> identityIds = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO issued_cards(id, serial_bix, serial_enc,"
                    + " identity_id, template, design_hash, payload_hash, status, issued_at, program_uid, job_id)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                for (IssuedCard card : cards) {
                    String identityId = identityIds.get(card.mpiId());
                    if (identityId == null) {
                        identityId = identityIdByBix(c, bix("mpi", card.mpiId()));
                        if (identityId == null) {
                            throw new RegistryException("error.registry.unknownIdentity", "no identity for a card",
                                    card.mpiId());
                        }
                        identityIds.put(card.mpiId(), identityId);
                    }
                    String id = newId();
                    ps.setString(1, id);
                    ps.setBytes(2, bix("serial", card.serial()));
                    ps.setBytes(3, enc("issued_cards", id, "serial", card.serial().getBytes(StandardCharsets.UTF_8)));
                    ps.setString(4, identityId);
                    ps.setString(5, card.template());
                    ps.setString(6, card.designHash());
                    ps.setString(7, card.payloadHash());
                    ps.setString(8, card.status());
                    ps.setString(9, (card.issuedAt() == null ? clock.instant() : card.issuedAt()).toString());
                    ps.setString(10, card.programUid());
                    ps.setString(11, card.jobId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            appendAudit(c, "cards.issued", "count=" + cards.size() + " program=" + cards.get(0).programUid()
                    + " job=" + cards.get(0).jobId(), null);
            return null;
        });
    }

    @Override
    public java.util.Set<String> existingCardSerials(java.util.Collection<String> serials) throws RegistryException {
        return read(c -> {
            java.util.Set<String> out = new java.util.HashSet<>();
            PreparedStatement ps = cached(c, "SELECT 1 FROM issued_cards WHERE serial_bix = ?");
            for (String serial : serials) {
                ps.setBytes(1, bix("serial", serial));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(serial);
                    }
                }
            }
            return out;
        }, "check card serials");
    }

    @Override
    public List<IssuedCard> issuedCards(String programUid, int limit) throws RegistryException {
        return read(c -> {
            List<IssuedCard> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.id, k.serial_enc, k.identity_id, k.template,"
                    + " k.design_hash, k.payload_hash, k.status, k.issued_at, k.program_uid, k.job_id, i.mpi_enc"
                    + " FROM issued_cards k JOIN identities i ON i.id = k.identity_id"
                    + (programUid == null ? "" : " WHERE k.program_uid = ?")
                    + " ORDER BY k.issued_at DESC, k.rowid DESC LIMIT ?")) {
                int i = 1;
                if (programUid != null) {
                    ps.setString(i++, programUid);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        String serial = new String(dec("issued_cards", id, "serial", rs.getBytes(2)),
                                StandardCharsets.UTF_8);
                        String mpi = new String(dec("identities", rs.getString(3), "mpi", rs.getBytes(11)),
                                StandardCharsets.UTF_8);
                        out.add(new IssuedCard(serial, mpi, rs.getString(9), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), Instant.parse(rs.getString(8)), rs.getString(10)));
                    }
                }
            }
            return out;
        }, "read issued cards");
    }

    @Override
    public Map<String, String> latestCardPayloads(String programUid) throws RegistryException {
        return read(c -> {
            Map<String, String> out = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.identity_id, i.mpi_enc, k.payload_hash"
                    + " FROM issued_cards k JOIN identities i ON i.id = k.identity_id WHERE k.program_uid = ?"
                    + " AND k.status = 'issued' ORDER BY k.issued_at, k.rowid")) {
                ps.setString(1, programUid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String mpi = new String(dec("identities", rs.getString(1), "mpi", rs.getBytes(2)),
                                StandardCharsets.UTF_8);
                        out.put(mpi, rs.getString(3));
                    }
                }
            }
            return out;
        }, "read card payloads");
    }

    // ---------------------------------------------------------------- keys, backup, checks

    @Override
    public void changePassphrase(char[] current, char[] next) throws RegistryException {
        Keyslot slot = read(c -> keyslot(c, SLOT_PASSPHRASE), "read key slot");
        try (DataKey check = DataKey.unwrap(slot.wrapped(), Argon2Kdf.derive(current, KdfParams.decode(slot.kdf())),
                SLOT_PASSPHRASE)) {
            if (!check.sameKeyAs(key)) {
                throw new WrongPassphraseException("error.registry.wrongPassphrase");
            }
        } catch (CryptoIntegrityException e) {
            throw new WrongPassphraseException("error.registry.wrongPassphrase");
        }
        if (!PassphrasePolicy.evaluate(next).acceptable()) {
            throw new RegistryException("error.registry.weakPassphrase", "passphrase refused by policy");
        }
        setPassphrase(next, "passphrase.changed");
    }

    private void setPassphrase(char[] next, String auditAction) throws RegistryException {
        Keyslot slot = read(c -> keyslot(c, SLOT_PASSPHRASE), "read key slot");
        KdfParams params = KdfParams.decode(slot.kdf()).withSalt(Argon2Kdf.newSalt());
        byte[] wrapped = key.wrap(Argon2Kdf.derive(next, params), SLOT_PASSPHRASE);
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE keyring SET kdf = ?, wrapped = ?, updated_at = ? WHERE slot = ?")) {
                ps.setString(1, params.encode());
                ps.setBytes(2, wrapped);
                ps.setString(3, now());
                ps.setString(4, SLOT_PASSPHRASE);
                ps.executeUpdate();
            }
            appendAudit(c, auditAction, "slot=" + SLOT_PASSPHRASE, null);
            return null;
        });
    }

    @Override
    public void backup(Path out) throws RegistryException {
        Path dir = out.toAbsolutePath().getParent();
        Path snapshot;
        try {
            Files.createDirectories(dir);
            snapshot = Files.createTempFile(dir, ".carnet-snapshot", ".db");
            Files.delete(snapshot);
        } catch (IOException e) {
            throw new RegistryException("error.backup.write", "cannot write in the backup folder", e, out);
        }
        try {
            read(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("backup to '" + snapshot.toString().replace("'", "''") + "'");
                }
                return null;
            }, "backup");
            Map<String, Keyslot> slots = read(c -> Map.of(SLOT_PASSPHRASE, keyslot(c, SLOT_PASSPHRASE),
                    SLOT_RECOVERY, keyslot(c, SLOT_RECOVERY)), "read key slots");
            BackupFormat.write(snapshot, out, registryId, slots, key.backupKey());
        } finally {
            try {
                Files.deleteIfExists(snapshot);
            } catch (IOException e) {
                LOG.warn("Temporary backup snapshot could not be removed");
            }
        }
        audit("registry.backup", "file=" + out.getFileName(), null);
    }

    /** Caps the file at its current size plus {@code extraPages} pages: lets tests meet a full disk for real. */
    void limitPagesForTest(int extraPages) throws RegistryException {
        write(c -> {
            long pages = count(c, "PRAGMA page_count");
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA max_page_count = " + (pages + extraPages));
            }
            return null;
        });
    }

    @Override
    public String integrityCheck() throws RegistryException {
        return read(c -> {
            StringBuilder sb = new StringBuilder();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    if (sb.length() > 0) {
                        sb.append("; ");
                    }
                    sb.append(rs.getString(1));
                }
            }
            return sb.toString();
        }, "integrity check");
    }

    // ---------------------------------------------------------------- files

    static void moveInto(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteWithSidecars(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("close failed: {}", e.getClass().getSimpleName());
            }
        }
    }
}
