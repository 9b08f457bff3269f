package org.carnet.core.registry;

import java.time.Instant;

/**
 * One card the registry has issued: its serial (encrypted, found by blind index), the person's MPI id, the programme,
 * the template and the hashes of the design and of the printed data (so a reprint or a changed record is known),
 * and its status. No personal value besides the pseudonymous MPI id.
 *
 * @param status      {@code issued} or {@code revoked}
 * @param payloadHash SHA-256 (hex) of what the card prints about the person, without serial or dates of issue
 * @param jobId       the generation job that issued it (bulk or cards-from-sync)
 */
public record IssuedCard(String serial, String mpiId, String programUid, String template, String designHash,
        String payloadHash, String status, Instant issuedAt, String jobId) {
    public static final String ISSUED = "issued";
    public static final String REVOKED = "revoked";

    @Override
    public String toString() {
        return "IssuedCard[" + programUid + ", " + template + ", " + status + "]";
    }
}
