package org.carnet.core.mpi.synth;

/**
 * One registration of a synthetic person, with its fields as raw text the way a DHIS2 server or a legacy CSV file
 * would hold them: names in any case, with or without accents, with spelling variants and keying errors; the date
 * of birth as {@code yyyy-MM-dd}, {@code dd/MM/yyyy}, {@code yyyyMMdd} or a year alone (a transposed day and month
 * can give an impossible date such as {@code 1990-25-03}); sex as {@code M}/{@code F}, {@code H}/{@code F},
 * {@code Masculin}/{@code Féminin}, {@code male}/{@code female} or {@code MALE}/{@code FEMALE}. A missing field is
 * the empty string; the district is empty when the commune is.
 *
 * <p>The values are fictitious but shaped like personal data: {@link #toString()} prints the ids only.
 *
 * @param recordId unique id of the record within its population ({@code rec-1}, {@code rec-2}…)
 * @param personId the ground truth: records with the same person id are the same person
 */
public record SyntheticRecord(String recordId, int personId, String firstName, String lastName, String dateOfBirth,
        String sex, String commune, String district) {

    @Override
    public String toString() {
        return "SyntheticRecord[" + recordId + ", person " + personId + "]";
    }
}
