package org.carnet.core.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The unlocked, encrypted registry. Writes go through one writer thread in batched transactions; every
 * configuration change, sync, MPI decision, card and distribution is recorded in the audit log in the same
 * transaction as the change. Open one with {@link Registries}.
 */
public interface Registry extends AutoCloseable {

    Path file();

    AuditActor actor();

    /** Inserts or updates identities by MPI id, in one transaction. */
    void saveIdentities(List<IdentityRecord> identities) throws RegistryException;

    Optional<IdentityRecord> identityByMpiId(String mpiId) throws RegistryException;

    Optional<IdentityRecord> identityByTei(String programUid, String teiUid) throws RegistryException;

    /** Identities filed under a blocking key, found through its blind index. */
    List<IdentityRecord> identitiesByBlockingKey(String blockingKey) throws RegistryException;

    /** Links a DHIS2 TEI uid (per program) to an MPI id. */
    void linkExternalId(String mpiId, String programUid, String teiUid) throws RegistryException;

    /**
     * Writes what resolving a batch of records decided, in one transaction, each change audited: the identities (as
     * {@link #saveIdentities}), the links (as {@link #linkExternalId}), then the review items as pending. A review
     * item is not created again for a pair of identities that already has a pending one.
     */
    void saveResolutions(ResolutionBatch batch) throws RegistryException;

    /**
     * Hands every identity, whatever its status, to {@code sink} in the order they were created (blocking keys are not
     * read back): for building in-memory indexes and training.
     */
    void forEachIdentity(Consumer<IdentityRecord> sink) throws RegistryException;

    /** Hands every external id link to {@code sink}, program by program, in the order they were linked. */
    void forEachExternalId(Consumer<ExternalIdLink> sink) throws RegistryException;

    /** How many external ids are linked, per program uid (sorted by uid). */
    Map<String, Long> externalIdCounts() throws RegistryException;

    /** Review items of a status (null: pending and deferred), oldest first, at most {@code limit}. */
    List<ReviewItem> reviewItems(String status, int limit) throws RegistryException;

    Optional<ReviewItem> reviewItem(String id) throws RegistryException;

    /** How many review items there are per status. */
    Map<String, Long> reviewCounts() throws RegistryException;

    /**
     * Links two identities as one person, in one transaction: {@code mergedMpiId} is marked merged into
     * {@code survivingMpiId}, its external ids and issued cards follow the survivor, the review item (if any) is
     * decided, and the merge is recorded (undoable) and audited with {@code reason}.
     *
     * @return the merge's id
     */
    String mergeIdentities(String reviewItemId, String survivingMpiId, String mergedMpiId, String reason)
            throws RegistryException;

    /**
     * Undoes a merge: the merged identity is active again with the external ids and cards it brought; the pair is
     * remembered as two people (never queued or linked again unless a person links them). Audited with {@code reason}.
     */
    void undoMerge(String mergeId, String reason) throws RegistryException;

    /** Decides a review item as two different people (remembered: the pair is never queued again). */
    void separateIdentities(String reviewItemId, String reason) throws RegistryException;

    /** Puts a review item aside for later (it leaves the pending list; audited). */
    void deferReviewItem(String reviewItemId, String reason) throws RegistryException;

    /** Whether two identities were decided to be different people. */
    boolean separated(String mpiIdA, String mpiIdB) throws RegistryException;

    /** Merges, separations and corrections of an identity, newest first. */
    List<IdentityEvent> identityHistory(String mpiId) throws RegistryException;

    /** The external ids (program, TEI) linked to an identity. */
    List<ExternalIdLink> externalIds(String mpiId) throws RegistryException;

    /** Replaces an identity's demographics and blocking keys after a person's correction; audited with the reason. */
    void correctIdentity(IdentityRecord corrected, String reason) throws RegistryException;

    /**
     * Splits one linked record off its identity (an automatic or manual link undone, or a forced creation): a new
     * identity {@code created} gets the record's external id and enrollments, the two identities are remembered as
     * different people, and the change is audited as a forced registration with {@code reason}.
     */
    void splitExternalId(String programUid, String teiUid, IdentityRecord created, String reason)
            throws RegistryException;

    void saveProgram(ProgramInfo program) throws RegistryException;

    Optional<ProgramInfo> program(String uid) throws RegistryException;

    /** Every cached program, by name. */
    List<ProgramInfo> programs() throws RegistryException;

    /** Replaces the cached program list: programs no longer offered by the server are removed. */
    void replacePrograms(List<ProgramInfo> programs) throws RegistryException;

    /**
     * Stores a connection profile document (URL, auth mode, username, pinned certificates) encrypted under {@code id};
     * its secret goes through {@link #putSecret(String, byte[])}.
     */
    void saveConnectionProfile(String id, byte[] document) throws RegistryException;

    Optional<byte[]> connectionProfile(String id) throws RegistryException;

    void saveEnrollments(List<EnrollmentRecord> enrollments) throws RegistryException;

    /**
     * Hands every enrollment of {@code programUid} to {@code sink}, oldest first, with its MPI id (null when not
     * resolved); sensitive values come back as {@link org.carnet.core.guard.SensitiveValue}s.
     */
    void forEachEnrollment(String programUid, Consumer<EnrollmentRecord> sink) throws RegistryException;

    RegistryStats stats() throws RegistryException;

    /**
     * The last-updated time the registry holds for each of {@code enrollmentUids} of a program that it has (the
     * others are absent), to tell unchanged records from changed ones.
     */
    Map<String, String> enrollmentVersions(String programUid, java.util.Collection<String> enrollmentUids)
            throws RegistryException;

    /** Every enrollment uid of a program (for reconciliation). */
    java.util.Set<String> enrollmentUids(String programUid) throws RegistryException;

    /**
     * The enrollments of a programme written (created or changed by a sync) at or after {@code since}, to the second:
     * what a sync and the attempts it resumed changed.
     */
    java.util.Set<String> enrollmentUidsSyncedSince(String programUid, java.time.Instant since)
            throws RegistryException;

    /** Removes enrollments of a program (deleted on the server, or out of the user's scope); audited. */
    int deleteEnrollments(String programUid, java.util.Collection<String> enrollmentUids) throws RegistryException;

    /** Inserts or replaces a sync run record. */
    void saveSyncRun(SyncRunRecord run) throws RegistryException;

    /** The latest runs, newest first, of one program (or every program when {@code programUid} is null). */
    List<SyncRunRecord> syncRuns(String programUid, int limit) throws RegistryException;

    Optional<SyncCheckpoint> syncCheckpoint(String programUid) throws RegistryException;

    void saveSyncCheckpoint(SyncCheckpoint checkpoint) throws RegistryException;

    /** Stores a credential (DHIS2 password, token, messaging secret) encrypted. */
    void putSecret(String name, byte[] value) throws RegistryException;

    Optional<byte[]> secret(String name) throws RegistryException;

    /**
     * Stores an application document (such as the MPI model) encrypted under {@code name}, replacing any previous
     * one; the audit entry names the document and carries {@code reason}.
     */
    void saveDocument(String name, byte[] document, String reason) throws RegistryException;

    /**
     * As {@link #saveDocument(String, byte[], String)}, audited as {@code action} on {@code resource} (identifiers
     * only, never personal values) in the same transaction.
     */
    void saveDocument(String name, byte[] document, String action, String resource, String reason)
            throws RegistryException;

    Optional<byte[]> document(String name) throws RegistryException;

    /** Saves the card design of a programme ({@code id} = programme uid, or {@code default}), encrypted; audited. */
    void saveCardDesign(String id, String template, byte[] design) throws RegistryException;

    /** The saved card design document of {@code id}, decrypted. */
    Optional<byte[]> cardDesign(String id) throws RegistryException;

    /** Records issued cards in one transaction, audited by count. A serial already recorded is refused. */
    void saveIssuedCards(List<IssuedCard> cards) throws RegistryException;

    /** Which of these card serials are already recorded (so a new job never reuses one). */
    java.util.Set<String> existingCardSerials(java.util.Collection<String> serials) throws RegistryException;

    /** Issued cards, newest first; of one programme or all when {@code programUid} is null. */
    List<IssuedCard> issuedCards(String programUid, int limit) throws RegistryException;

    /** For each person with a card in the programme, the payload hash of their newest card (by MPI id). */
    Map<String, String> latestCardPayloads(String programUid) throws RegistryException;

    /** Appends an audit entry on its own (changes made through this API audit themselves). */
    void audit(String action, String resource, String reason) throws RegistryException;

    /** Newest first, at most {@code limit}. */
    List<AuditEntry> auditEntries(int limit) throws RegistryException;

    AuditVerification verifyAudit() throws RegistryException;

    /** Re-wraps the data key with a new passphrase; the data is not re-encrypted. */
    void changePassphrase(char[] current, char[] next) throws RegistryException;

    /** A consistent, encrypted copy while the registry is in use (SQLite online backup). */
    void backup(Path out) throws RegistryException;

    /** {@code PRAGMA integrity_check}: "ok" or the first problems SQLite reports. */
    String integrityCheck() throws RegistryException;

    @Override
    void close();
}
