package org.carnet.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carnet.core.dhis2.OrgUnit;
import org.carnet.core.dhis2.OrgUnitTree;
import org.carnet.core.guard.AttributeGuard;
import org.carnet.core.guard.Classification;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.registry.ProgramInfo;
import org.junit.jupiter.api.Test;

/** Every transform, with the odd values field data has. */
class CardValuesTest {
    private static ProgramInfo.Attribute attr(String uid, String code, String type, SensitiveCategory c,
            List<ProgramInfo.Option> options) {
        return new ProgramInfo.Attribute(uid, code, code, type, options.isEmpty() ? null : "OptSet00001", options,
                false, false, false, null, AttributeGuard.detected(new Classification(c, 0.9, "test"), false));
    }

    private static final ProgramInfo PROGRAM = new ProgramInfo("PrgValues01", "Values", null, List.of(
            attr("AFirst00001", "FIRST", "TEXT", SensitiveCategory.NONE, List.of()),
            attr("ADob0000001", "DOB", "DATE", SensitiveCategory.NONE, List.of()),
            attr("ASex0000001", "SEX", "TEXT", SensitiveCategory.NONE, List.of(new ProgramInfo.Option("1",
                    "Féminin"), new ProgramInfo.Option("2", "Masculin"))),
            attr("APhone00001", "PHONE", "PHONE_NUMBER", SensitiveCategory.NONE, List.of()),
            attr("ABlood00001", "BLOOD", "TEXT", SensitiveCategory.NONE, List.of(new ProgramInfo.Option("O_POS",
                    "O+"))),
            attr("ACommune001", "COMMUNE", "ORGANISATION_UNIT", SensitiveCategory.NONE, List.of()),
            attr("AHiv0000001", "HIV", "TEXT", SensitiveCategory.HIV_AIDS, List.of())));

    private static final OrgUnitTree TREE = new OrgUnitTree(List.of(
            new OrgUnit("OuSenegal01", "/OuSenegal01", "Sénégal", 1),
            new OrgUnit("OuDakar0001", "/OuSenegal01/OuDakar0001", "Région médicale de Dakar", 2),
            new OrgUnit("OuPikine001", "/OuSenegal01/OuDakar0001/OuPikine001", "District sanitaire de Pikine", 3),
            new OrgUnit("OuThiaroye1", "/OuSenegal01/OuDakar0001/OuPikine001/OuThiaroye1", "Poste de santé de Thiaroye",
                    4)));

    private static final ProgramMapping MAPPING = new ProgramMapping("PrgValues01", 1, null, List.of(
            FieldMapping.byCode("first_name", "FIRST"), FieldMapping.byCode("date_of_birth", "DOB"),
            FieldMapping.byCode("gender", "SEX"), FieldMapping.byCode("phone_number", "PHONE"),
            FieldMapping.byCode("blood_group", "BLOOD"), FieldMapping.byCode("zone", "COMMUNE"),
            FieldMapping.enrollment("health_center", FieldMapping.EnrollmentProperty.ORG_UNIT),
            FieldMapping.enrollment("org_unit", FieldMapping.EnrollmentProperty.ORG_UNIT),
            FieldMapping.enrollment("enrollment_date", FieldMapping.EnrollmentProperty.ENROLLED_AT),
            FieldMapping.byCode("beneficiary_id", "HIV")));

    private final CardValues values = new CardValues(PROGRAM, MAPPING, TREE, "SN", 3);

    private CardValues.Value value(String field, String attributeUid, String raw) {
        Map<String, String> v = new HashMap<>();
        if (attributeUid != null) {
            v.put(attributeUid, raw);
        }
        CardValues.Source s = new CardValues.Source(v, "2024-03-01T10:15:00.000", null, "OuThiaroye1");
        return values.value(MAPPING.field(field).orElseThrow(), s);
    }

    @Test
    void namesAreTrimmedAndNormalisedWithTheirCaseKept() {
        assertEquals("Ndèye Fatou", value("first_name", "AFirst00001", "  Nde\u0300ye \t Fatou\u200b ").text());
        assertEquals(CardValues.Status.MISSING, value("first_name", "AFirst00001", "   ").status());
        assertEquals(CardValues.Status.MISSING, value("first_name", null, null).status());
    }

    @Test
    void datesInEveryShape() {
        assertEquals("1990-03-07", value("date_of_birth", "ADob0000001", "1990-03-07").text());
        assertEquals("1990-03-07", value("date_of_birth", "ADob0000001", "07/03/1990").text());
        assertEquals("1990-03-07", value("date_of_birth", "ADob0000001", "1990-03-07T00:00:00.000").text());
        CardValues.Value year = value("date_of_birth", "ADob0000001", "1985");
        assertEquals(CardValues.Status.APPROXIMATE, year.status());
        assertEquals("1985", year.text());
        assertEquals("mapping.value.approximate.YEAR_ONLY", year.noteKey());
        assertEquals(CardValues.Status.APPROXIMATE, value("date_of_birth", "ADob0000001", "1980-01-01").status(),
                "1 January means the year only");
        assertEquals(CardValues.Status.WARNING, value("date_of_birth", "ADob0000001", "né vers la fin").status());
        assertEquals(CardValues.Status.WARNING, value("date_of_birth", "ADob0000001", "31/02/1990").status());
        assertEquals("2024-03-01", value("enrollment_date", null, null).text());
    }

    @Test
    void sexFromCodesAndOptionLabels() {
        assertEquals("F", value("gender", "ASex0000001", "1").text(), "option 1 = Féminin");
        assertEquals("M", value("gender", "ASex0000001", "2").text());
        assertEquals("M", value("gender", "ASex0000001", "MALE").text());
        CardValues.Value unknown = value("gender", "ASex0000001", "?");
        assertEquals(CardValues.Status.WARNING, unknown.status());
        assertEquals("U", unknown.text());
    }

    @Test
    void phonesToE164WithOldPlansReportedNotGuessed() {
        assertEquals("+221771234567", value("phone_number", "APhone00001", "77 123 45 67").text());
        assertEquals("+221771234567", value("phone_number", "APhone00001", "00221-77-123-45-67").text());
        assertEquals("+2250707123456", value("phone_number", "APhone00001", "+225 07 07 12 34 56").text());
        CardValues.Value old = value("phone_number", "APhone00001", "+225 07 12 34 56");
        assertEquals(CardValues.Status.WARNING, old.status());
        assertNull(old.text(), "an old Ivorian number is not converted");
        assertEquals("phone.status.oldPlan", old.noteKey());
        assertEquals(CardValues.Status.WARNING, value("phone_number", "APhone00001", "12").status());
    }

    @Test
    void optionCodesBecomeLabelsAndOrgUnitsBecomeNames() {
        assertEquals("O+", value("blood_group", "ABlood00001", "O_POS").text());
        assertEquals("Poste de santé de Thiaroye", value("health_center", null, null).text());
        assertEquals("Poste de santé de Thiaroye", value("zone", "ACommune001", "OuThiaroye1").text(),
                "an org unit attribute gives the unit's name");
        CardValues.Value unknown = value("zone", "ACommune001", "OuUnknown01");
        assertEquals(CardValues.Status.WARNING, unknown.status());
        assertEquals(List.of("OuUnknown01"), unknown.noteArgs());
        assertEquals("District sanitaire de Pikine", values.district("OuThiaroye1").orElseThrow());
        ProgramMapping zoneFromEnrollment = new ProgramMapping("PrgValues01", 1, null, List.of(
                FieldMapping.enrollment("zone", FieldMapping.EnrollmentProperty.ORG_UNIT)));
        assertEquals("District sanitaire de Pikine", new CardValues(PROGRAM, zoneFromEnrollment, TREE, "SN", 3)
                .transform(new CardValues.Source(Map.of(), null, null, "OuThiaroye1")).get(0).text(),
                "the zone of an enrollment's facility is its district");
    }

    @Test
    void aGuardedAttributeIsNeverRead() {
        CardValues.Value v = value("beneficiary_id", "AHiv0000001", "Séropositif");
        assertEquals(CardValues.Status.BLOCKED, v.status());
        assertNull(v.text());
        assertFalse(v.toString().contains("Séropositif"));
    }
}
