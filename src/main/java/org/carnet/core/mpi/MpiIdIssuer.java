package org.carnet.core.mpi;

import java.security.SecureRandom;
import java.time.Year;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Issues new MPI ids {@code {ISO2}-{REGION3}-{YY}-{8 Base36}} that are not taken yet: the region from the record's
 * district (else commune) through {@link RegionCodes}, the year of issue, a fresh random part, redrawn on the rare
 * collision. Thread-safe.
 */
public final class MpiIdIssuer {
    private final String country;
    private final RegionCodes regions;
    private final SecureRandom random;
    private final Predicate<String> takenElsewhere;
    private final Set<String> issued = new HashSet<>();

    /**
     * @param takenElsewhere true for ids already in use (in the registry); ids issued by this issuer are remembered
     */
    public MpiIdIssuer(String country, RegionCodes regions, SecureRandom random, Predicate<String> takenElsewhere) {
        this.country = country;
        this.regions = regions;
        this.random = random;
        this.takenElsewhere = takenElsewhere;
    }

    /** A new id for a record. */
    public synchronized String issue(MatchRecord r) {
        String region = r.place() == null ? "UNK" : regions.codeFor(null, r.commune, r.district);
        int year = Year.now().getValue();
        while (true) {
            String id = MpiId.generate(country, region, year, random).toString();
            if (!takenElsewhere.test(id) && issued.add(id)) {
                return id;
            }
        }
    }
}
