package org.carnet.core.render;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carnet.core.mpi.MpiId;

/**
 * What one card shows about one person: identity, programme, health centre, dates, and the attribute values a design
 * may pick by key. Personal data: {@link #toString()} shows no value.
 *
 * @param mpiId the MPI id printed on the card (and put in the QR)
 * @param cardSerial the card's serial ({@link CardSerial}), or null before issuance (preview)
 * @param sex {@code F}, {@code M} or null
 * @param teiUid the DHIS2 tracked-entity id when known (the sovereign pass prints its end), else null
 * @param attributes values by field key ({@code beneficiary_id}, {@code zone}, custom keys…), in display order
 */
public record CardData(String mpiId, String cardSerial, String firstName, String lastName, LocalDate dateOfBirth,
        String sex, String programName, String healthCentre, String district, LocalDate enrolledOn,
        LocalDate issuedOn, LocalDate validUntil, String teiUid, Map<String, Attribute> attributes) {

    /**
     * One attribute value with its label (the DHIS2 attribute's name, or null for a standard card field, which the card
     * labels translate) and whether the sensitive-data guard classified it sensitive.
     */
    public record Attribute(String label, String value, boolean sensitive) {
        @Override
        public String toString() {
            return "Attribute[" + (sensitive ? "sensitive" : "plain") + "]";
        }
    }

    public CardData {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(attributes));
    }

    /** First and last name as printed: "Ndèye Aïssatou DIOP". */
    public String fullName() {
        String f = firstName == null ? "" : firstName.strip();
        String l = lastName == null ? "" : lastName.strip();
        return (f + " " + l).strip();
    }

    /** A copy with another serial (each issued card has its own). */
    public CardData withSerial(String serial) {
        return new CardData(mpiId, serial, firstName, lastName, dateOfBirth, sex, programName, healthCentre, district,
                enrolledOn, issuedOn, validUntil, teiUid, attributes);
    }

    /** A copy with other names (text-fit tests, the design tab's stress preview). */
    public CardData withNames(String first, String last) {
        return new CardData(mpiId, cardSerial, first, last, dateOfBirth, sex, programName, healthCentre, district,
                enrolledOn, issuedOn, validUntil, teiUid, attributes);
    }

    /** A copy with other attributes. */
    public CardData withAttributes(Map<String, Attribute> values) {
        return new CardData(mpiId, cardSerial, firstName, lastName, dateOfBirth, sex, programName, healthCentre,
                district, enrolledOn, issuedOn, validUntil, teiUid, values);
    }

    /**
     * Realistic offline sample data (a fictitious mother enrolled in a maternal health programme in Dakar), fixed so
     * that previews and golden images are reproducible.
     */
    public static CardData sample() {
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        attrs.put("beneficiary_id", new Attribute(null, "BEN-2026-004512", false));
        attrs.put("zone", new Attribute(null, "Ngor", false));
        attrs.put("health_center", new Attribute(null, "Poste de santé de Ngor", false));
        attrs.put("target_group", new Attribute("Groupe cible", "Femme enceinte", false));
        attrs.put("blood_group", new Attribute("Groupe sanguin", "O+", false));
        String compact = "SNDKR26" + "K7M2Q9T";
        String mpi = "SN-DKR-26-K7M2Q9T" + MpiId.checkCharacter(compact);
        return new CardData(mpi, CardSerial.withCheck("4F7KQ2M"), "Ndèye Aïssatou", "DIOP",
                LocalDate.of(1994, 3, 14), "F", "Santé maternelle et infantile", "Poste de santé de Ngor",
                "Dakar Ouest", LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 1), LocalDate.of(2031, 2, 28),
                "Kd9pBXz4Q2a", attrs);
    }

    @Override
    public String toString() {
        return "CardData[" + mpiId + "]";
    }
}
