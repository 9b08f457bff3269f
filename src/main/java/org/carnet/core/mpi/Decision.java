package org.carnet.core.mpi;

/** What resolving one record against the registry decided. */
public enum Decision {
    /** p ≥ 0.95: the record takes the existing MPI id. */
    LINKED,
    /** 0.75 ≤ p < 0.95, or two identities above 0.95, or too little information to link for sure: a human decides. */
    REVIEW,
    /** p < 0.75: a new person, a new MPI id. */
    NEW;

    public static final double LINK_AT = 0.95;
    public static final double REVIEW_AT = 0.75;
}
