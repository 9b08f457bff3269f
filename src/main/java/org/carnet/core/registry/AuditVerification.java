package org.carnet.core.registry;

/**
 * Result of checking the audit hash chain. When broken, {@code firstBrokenSeq} is the first entry that does not
 * match and {@code problemKey} says how (edited, deleted, truncated).
 */
public record AuditVerification(boolean intact, long entries, long firstBrokenSeq, String problemKey) {
    public static AuditVerification ok(long entries) {
        return new AuditVerification(true, entries, -1, "audit.verify.ok");
    }

    public static AuditVerification broken(long entries, long seq, String problemKey) {
        return new AuditVerification(false, entries, seq, problemKey);
    }
}
