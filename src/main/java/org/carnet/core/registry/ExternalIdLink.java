package org.carnet.core.registry;

/**
 * A record of a source system tied to an MPI identity: a DHIS2 tracked entity in a program, or a row of a legacy list
 * (then the program uid names the list). Identifiers only.
 */
public record ExternalIdLink(String mpiId, String programUid, String teiUid) {
}
