package org.carnet.core.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The registry schema as numbered migrations. A file is at version {@code PRAGMA user_version}; opening it applies
 * every later migration, each in its own transaction. Plaintext columns hold only uids, timestamps, statuses,
 * counts and blind indexes ({@code *_bix}); every other value is an AES-GCM blob ({@code *_enc}).
 */
public final class Schema {
    /** One migration: the version it brings the file to, and its statements. */
    public record Migration(int version, String description, List<String> statements) {
    }

    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "keyring, identities, external ids, audit log", List.of(
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    "CREATE TABLE keyring (slot TEXT PRIMARY KEY, kdf TEXT NOT NULL, wrapped BLOB NOT NULL,"
                            + " updated_at TEXT NOT NULL)",
                    "CREATE TABLE identities (id TEXT PRIMARY KEY, mpi_bix BLOB NOT NULL UNIQUE, mpi_enc BLOB NOT NULL,"
                            + " demo_enc BLOB NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,"
                            + " updated_at TEXT NOT NULL)",
                    "CREATE TABLE identity_blocks (identity_id TEXT NOT NULL REFERENCES identities(id),"
                            + " key_bix BLOB NOT NULL, PRIMARY KEY (identity_id, key_bix)) WITHOUT ROWID",
                    "CREATE INDEX identity_blocks_key ON identity_blocks(key_bix)",
                    "CREATE TABLE external_ids (id TEXT PRIMARY KEY, identity_id TEXT NOT NULL REFERENCES identities(id),"
                            + " program_uid TEXT NOT NULL, tei_bix BLOB NOT NULL, tei_enc BLOB NOT NULL,"
                            + " created_at TEXT NOT NULL, UNIQUE (program_uid, tei_bix))",
                    "CREATE INDEX external_ids_identity ON external_ids(identity_id)",
                    "CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, channel TEXT NOT NULL,"
                            + " action TEXT NOT NULL, resource TEXT NOT NULL, detail_enc BLOB NOT NULL,"
                            + " prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
                    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
                            + " BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
                    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
                            + " BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END")),
            new Migration(2, "programs, enrollments, mappings, connection profiles, secrets, sync runs", List.of(
                    "CREATE TABLE programs (uid TEXT PRIMARY KEY, name_enc BLOB NOT NULL, attributes_enc BLOB NOT NULL,"
                            + " fetched_at TEXT NOT NULL)",
                    "CREATE TABLE enrollments (id TEXT PRIMARY KEY, enrollment_uid TEXT NOT NULL UNIQUE,"
                            + " program_uid TEXT NOT NULL, org_unit_uid TEXT, tei_bix BLOB NOT NULL,"
                            + " identity_id TEXT REFERENCES identities(id), status TEXT, enrolled_at TEXT,"
                            + " occurred_at TEXT, updated_at TEXT, values_enc BLOB NOT NULL, synced_at TEXT NOT NULL)",
                    "CREATE INDEX enrollments_program ON enrollments(program_uid)",
                    "CREATE INDEX enrollments_tei ON enrollments(tei_bix)",
                    "CREATE TABLE mappings (program_uid TEXT PRIMARY KEY, mapping_enc BLOB NOT NULL,"
                            + " updated_at TEXT NOT NULL)",
                    "CREATE TABLE connection_profiles (id TEXT PRIMARY KEY, profile_enc BLOB NOT NULL,"
                            + " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
                    "CREATE TABLE secrets (name_bix BLOB PRIMARY KEY, id TEXT NOT NULL UNIQUE, value_enc BLOB NOT NULL,"
                            + " updated_at TEXT NOT NULL)",
                    "CREATE TABLE sync_runs (id TEXT PRIMARY KEY, program_uid TEXT NOT NULL, trigger TEXT NOT NULL,"
                            + " status TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, fetched INTEGER DEFAULT 0,"
                            + " created INTEGER DEFAULT 0, updated INTEGER DEFAULT 0, mpi_resolved INTEGER DEFAULT 0,"
                            + " mpi_created INTEGER DEFAULT 0, mpi_pending_review INTEGER DEFAULT 0,"
                            + " sensitive_blocked INTEGER DEFAULT 0, error_code TEXT)",
                    "CREATE TABLE sync_checkpoints (program_uid TEXT PRIMARY KEY, last_updated_at TEXT,"
                            + " page INTEGER, run_id TEXT, updated_at TEXT NOT NULL)")),
            new Migration(3, "review queue, card designs, issued cards, outbox", List.of(
                    "CREATE TABLE review_items (id TEXT PRIMARY KEY, identity_a TEXT NOT NULL REFERENCES identities(id),"
                            + " identity_b TEXT NOT NULL REFERENCES identities(id), score REAL NOT NULL,"
                            + " explanation_enc BLOB NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,"
                            + " decided_at TEXT)",
                    "CREATE INDEX review_items_status ON review_items(status)",
                    "CREATE TABLE review_decisions (id TEXT PRIMARY KEY, review_item_id TEXT NOT NULL"
                            + " REFERENCES review_items(id), decision TEXT NOT NULL, note_enc BLOB NOT NULL,"
                            + " decided_at TEXT NOT NULL)",
                    "CREATE TABLE card_designs (id TEXT PRIMARY KEY, template TEXT NOT NULL, design_enc BLOB NOT NULL,"
                            + " updated_at TEXT NOT NULL)",
                    "CREATE TABLE issued_cards (id TEXT PRIMARY KEY, serial_bix BLOB NOT NULL UNIQUE,"
                            + " serial_enc BLOB NOT NULL, identity_id TEXT NOT NULL REFERENCES identities(id),"
                            + " template TEXT NOT NULL, design_hash TEXT NOT NULL, payload_hash TEXT NOT NULL,"
                            + " status TEXT NOT NULL, issued_at TEXT NOT NULL, revoked_at TEXT)",
                    "CREATE INDEX issued_cards_identity ON issued_cards(identity_id)",
                    "CREATE TABLE outbox (id TEXT PRIMARY KEY, channel TEXT NOT NULL, status TEXT NOT NULL,"
                            + " identity_id TEXT REFERENCES identities(id), card_id TEXT REFERENCES issued_cards(id),"
                            + " payload_enc BLOB NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT,"
                            + " external_id_enc BLOB, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
                    "CREATE INDEX outbox_status ON outbox(status, next_attempt_at)")),
            new Migration(4, "documents, review items by pair", List.of(
                    "CREATE TABLE documents (id TEXT PRIMARY KEY, document_enc BLOB NOT NULL,"
                            + " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
                    "CREATE INDEX review_items_pair ON review_items(identity_a, identity_b)")),
            new Migration(5, "sync run details and resumable checkpoints", List.of(
                    "ALTER TABLE sync_runs ADD COLUMN unchanged INTEGER DEFAULT 0",
                    "ALTER TABLE sync_runs ADD COLUMN deleted INTEGER DEFAULT 0",
                    "ALTER TABLE sync_runs ADD COLUMN duration_ms INTEGER DEFAULT 0",
                    "ALTER TABLE sync_runs ADD COLUMN detail TEXT",
                    "CREATE INDEX sync_runs_started ON sync_runs(started_at)",
                    "ALTER TABLE sync_checkpoints ADD COLUMN pending_since TEXT",
                    "ALTER TABLE sync_checkpoints ADD COLUMN pending_offset INTEGER DEFAULT 0",
                    "ALTER TABLE sync_checkpoints ADD COLUMN pending_cursor TEXT",
                    "ALTER TABLE sync_checkpoints ADD COLUMN pending_mode TEXT",
                    "CREATE INDEX enrollments_program_uid ON enrollments(program_uid, enrollment_uid)")),
            new Migration(6, "merges (undoable) and identity corrections", List.of(
                    "ALTER TABLE identities ADD COLUMN merged_into TEXT",
                    "CREATE TABLE merges (id TEXT PRIMARY KEY, surviving_id TEXT NOT NULL REFERENCES identities(id),"
                            + " merged_id TEXT NOT NULL REFERENCES identities(id), review_item_id TEXT,"
                            + " moved_enc BLOB NOT NULL, reason_enc BLOB NOT NULL, created_at TEXT NOT NULL,"
                            + " undone_at TEXT, undo_reason_enc BLOB)",
                    "CREATE INDEX merges_surviving ON merges(surviving_id)",
                    "CREATE INDEX merges_merged ON merges(merged_id)",
                    "CREATE TABLE identity_events (id TEXT PRIMARY KEY, identity_id TEXT NOT NULL"
                            + " REFERENCES identities(id), kind TEXT NOT NULL, other_id TEXT, reason_enc BLOB NOT NULL,"
                            + " created_at TEXT NOT NULL)",
                    "CREATE INDEX identity_events_identity ON identity_events(identity_id)")),
            new Migration(7, "issued cards by programme and job", List.of(
                    "ALTER TABLE issued_cards ADD COLUMN program_uid TEXT",
                    "ALTER TABLE issued_cards ADD COLUMN job_id TEXT",
                    "CREATE INDEX issued_cards_program ON issued_cards(program_uid, issued_at)")));

    public static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private Schema() {
    }

    public static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Applies the migrations after the file's version, up to {@code upTo}, each atomically. */
    public static int migrate(Connection c, int upTo) throws SQLException {
        int current = version(c);
        if (current > LATEST) {
            throw new SQLException("registry schema " + current + " is newer than this Carnet (" + LATEST + ")");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Migration m : MIGRATIONS) {
                if (m.version() <= current || m.version() > upTo) {
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + m.version());
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
                current = m.version();
            }
        } finally {
            c.setAutoCommit(auto);
        }
        return current;
    }
}
