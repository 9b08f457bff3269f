package org.carnet.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.carnet.core.guard.AttributeGuard;
import org.carnet.core.guard.Classification;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.registry.ProgramInfo;
import org.junit.jupiter.api.Test;

/** Each problem the validator knows, and a clean mapping. */
class MappingValidatorTest {
    private static ProgramInfo.Attribute attr(String uid, String code, String name, String type,
            SensitiveCategory c) {
        return new ProgramInfo.Attribute(uid, code, name, type, null, List.of(), false, false, false, null,
                AttributeGuard.detected(new Classification(c, 0.9, "test"), false));
    }

    private static final ProgramInfo P = new ProgramInfo("PrgValid001", "P", null, List.of(
            attr("A1", "FIRST", "Prénom", "TEXT", SensitiveCategory.NONE),
            attr("A2", "LAST", "Nom", "TEXT", SensitiveCategory.NONE),
            attr("A3", "DOB", "Date de naissance", "DATE", SensitiveCategory.NONE),
            attr("A4", "HIV", "Statut VIH", "TEXT", SensitiveCategory.HIV_AIDS)));

    private static List<MappingIssue.Kind> kinds(List<FieldMapping> fields) {
        return MappingValidator.validate(P, fields).stream().map(MappingIssue::kind).toList();
    }

    @Test
    void aCleanMappingHasNoProblem() {
        assertEquals(List.of(), kinds(List.of(FieldMapping.byCode("first_name", "FIRST"),
                FieldMapping.byName("last_name", "nom"), FieldMapping.byCode("date_of_birth", "dob"))));
    }

    @Test
    void everyProblemIsReported() {
        assertEquals(List.of(MappingIssue.Kind.REQUIRED_UNMAPPED), kinds(List.of(FieldMapping.byCode("first_name",
                "FIRST"))));
        assertTrue(kinds(List.of(FieldMapping.byCode("first_name", "FIRST"), FieldMapping.byCode("first_name",
                "LAST"), FieldMapping.byCode("last_name", "LAST"))).contains(MappingIssue.Kind.FIELD_MAPPED_TWICE));
        assertTrue(kinds(List.of(FieldMapping.byCode("first_name", "FIRST"), FieldMapping.byCode("last_name", "LAST"),
                FieldMapping.byCode("date_of_birth", "FIRST"))).contains(MappingIssue.Kind.NOT_A_DATE));
        assertTrue(kinds(List.of(FieldMapping.byCode("first_name", "FIRST"), FieldMapping.byCode("last_name", "LAST"),
                FieldMapping.byCode("beneficiary_id", "HIV"))).contains(MappingIssue.Kind.SENSITIVE_ATTRIBUTE));
        assertTrue(kinds(List.of(FieldMapping.byCode("first_name", "GONE"), FieldMapping.byCode("last_name", "LAST")))
                .contains(MappingIssue.Kind.UNKNOWN_ATTRIBUTE));
        assertTrue(kinds(List.of(FieldMapping.byCode("first_name", "FIRST"), FieldMapping.byCode("last_name", "LAST"),
                FieldMapping.byCode("Bad Key!", "LAST"))).contains(MappingIssue.Kind.BAD_FIELD));
        List<MappingIssue> twice = MappingValidator.validate(P, List.of(FieldMapping.byCode("first_name", "FIRST"),
                FieldMapping.byCode("last_name", "LAST"), FieldMapping.byCode("nickname", "FIRST")));
        assertEquals(List.of(MappingIssue.Kind.ATTRIBUTE_USED_TWICE), twice.stream().map(MappingIssue::kind).toList());
        assertFalse(MappingValidator.blocking(twice), "a warning, not a refusal");
        assertTrue(kinds(List.of(FieldMapping.byCode("first_name", "FIRST"), FieldMapping.byCode("last_name", "LAST"),
                FieldMapping.enrollment("enrollment_date", FieldMapping.EnrollmentProperty.ORG_UNIT)))
                .contains(MappingIssue.Kind.NOT_A_DATE));
    }
}
