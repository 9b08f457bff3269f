package org.carnet.core.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.dhis2.Dhis2Attribute;
import org.carnet.core.dhis2.Dhis2Program;
import org.carnet.core.guard.GuardedValue;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.model.Demographics;
import org.carnet.core.registry.EnrollmentRecord;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryException;

/**
 * A Tracker program whose attributes cover the seven sensitive categories, direct identifiers and ordinary fields,
 * and a registry filled with enrollments carrying distinctive values for each: what the privacy tests search for.
 */
public final class SensitiveFixtures {
    public static final String PROGRAM = "PrgCarteARV";

    /** An attribute: uid, code, name, value type, the category the guard must give it, and a distinctive value. */
    public record Field(String uid, String code, String name, String valueType, SensitiveCategory expected,
            boolean identifying, String value) {
    }

    public static final List<Field> FIELDS = List.of(
            new Field("AttrHivStat", "HIV_STATUS", "HIV status", "TEXT", SensitiveCategory.HIV_AIDS, false,
                    "Séropositif VIH-1 confirmé"),
            new Field("AttrSyphili", "SYPHILIS_RESULT", "Syphilis test result", "TEXT", SensitiveCategory.STI, false,
                    "RPR réactif titre 1/8"),
            new Field("AttrTbRegNo", "TB_REG_NUMBER", "TB registration number", "TEXT",
                    SensitiveCategory.TUBERCULOSIS, true, "TBDKR20240917"),
            new Field("AttrPhq9Dep", "PHQ9_SCORE", "PHQ-9 depression score", "TEXT",
                    SensitiveCategory.MENTAL_HEALTH, false, "Dépression sévère score vingt-trois"),
            new Field("AttrHbsAgRs", "HBSAG_RESULT", "Hepatitis B surface antigen (HBsAg) result", "TEXT",
                    SensitiveCategory.SEROLOGICAL, false, "AgHBs positif chronique"),
            new Field("AttrFingerT", "FINGERPRINT_TEMPLATE", "Fingerprint template", "TEXT",
                    SensitiveCategory.BIOMETRIC, true, "FMRx8c3fa9d2e4b7a1"),
            new Field("AttrIncomeM", "HOUSEHOLD_INCOME", "Monthly household income", "TEXT",
                    SensitiveCategory.FINANCIAL, false, "Revenu mensuel 37500 FCFA"),
            new Field("AttrFirstNm", "FIRST_NAME", "First name", "TEXT", SensitiveCategory.NONE, true,
                    "Ndèyefatou"),
            new Field("AttrLastNam", "LAST_NAME", "Last name", "TEXT", SensitiveCategory.NONE, true, "Sarrdiouf"),
            new Field("AttrBirthDt", "DOB", "Date of birth", "DATE", SensitiveCategory.NONE, true, "1991-04-17"),
            new Field("AttrPhoneNo", "PHONE", "Phone number", "PHONE_NUMBER", SensitiveCategory.NONE, true,
                    "+221774125863"),
            new Field("AttrHhSizeN", "HOUSEHOLD_SIZE", "Household size", "INTEGER", SensitiveCategory.NONE, false,
                    "6"),
            new Field("AttrLanguag", "LANGUAGE", "Preferred language", "TEXT", SensitiveCategory.NONE, false,
                    "Wolof"));

    private SensitiveFixtures() {
    }

    /** The program as DHIS2 describes it; its name, "Carte ARV", itself discloses HIV care. */
    public static Dhis2Program program() {
        List<Dhis2Attribute> attrs = new ArrayList<>();
        for (Field f : FIELDS) {
            attrs.add(new Dhis2Attribute(f.uid(), f.code(), f.name(), f.name(), f.valueType(), null, List.of(), false,
                    false, false, true));
        }
        return new Dhis2Program(PROGRAM, "Carte ARV", "Carte ARV", "CARTE_ARV", "PROTECTED", "nEenWmSyUEp", attrs);
    }

    /** The distinctive values that must never leave the registry (sensitive and identifying ones). */
    public static List<String> secrets() {
        return FIELDS.stream().filter(f -> f.expected().isSensitive() || f.identifying()).map(Field::value).toList();
    }

    /** The sensitive values only. */
    public static List<String> sensitiveValues() {
        return FIELDS.stream().filter(f -> f.expected().isSensitive()).map(Field::value).toList();
    }

    /**
     * Saves the program (through the connection store, so the guard judges it) and {@code people} enrolled people
     * with identities; the last enrollment has no MPI identity.
     *
     * @return the cached program
     */
    public static ProgramInfo fill(Registry registry, int people) throws RegistryException {
        ProgramInfo program = new ConnectionStore(registry).savePrograms(List.of(program())).get(0);
        Map<String, SensitiveCategory> categories = new LinkedHashMap<>();
        program.attributes().forEach(a -> categories.put(a.uid(), a.guard().category()));
        List<IdentityRecord> identities = new ArrayList<>();
        List<EnrollmentRecord> enrollments = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String mpi = String.format("SN-DKR-26-%08X", i + 1);
            identities.add(IdentityRecord.of(mpi, new Demographics("Ndèyefatou", "Sarrdiouf", "1991-04-17", "F",
                    "+221774125863", "Pikine", "DK", "Thiaroye"), List.of("SA1991")));
            List<EnrollmentRecord.Value> values = new ArrayList<>();
            for (Field f : FIELDS) {
                values.add(new EnrollmentRecord.Value(f.uid(), GuardedValue.of(f.value(), categories.get(f.uid()))));
            }
            enrollments.add(new EnrollmentRecord(String.format("Enr%08d", i), PROGRAM, "OuDkrPikine",
                    String.format("Tei%08d", i), i == people - 1 ? null : mpi, "ACTIVE",
                    Instant.parse("2024-03-01T10:00:00Z").plusSeconds(86_400L * i), Instant.parse("2024-02-20T00:00:00Z"),
                    Instant.parse("2024-06-01T08:30:00Z"), values));
        }
        registry.saveIdentities(identities);
        registry.saveEnrollments(enrollments);
        return program;
    }
}
