package org.carnet.core.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carnet.core.registry.ProgramInfo;

/**
 * Checks a mapping against its program's cached metadata: a field mapped twice, a date field fed by something that is
 * not a date, first or last name unmapped, a guarded (sensitive) attribute on a card field, an attribute the program
 * no longer has, a bad custom key; an attribute feeding two fields is a warning. A sensitive attribute is refused
 * outright: the only way to put its values on a card is for an admin to clear its category in the guard, with a reason
 * that goes to the audit log.
 */
public final class MappingValidator {
    private static final Set<String> DATE_TYPES = Set.of("DATE", "AGE", "DATETIME");

    private MappingValidator() {
    }

    /** The problems of {@code fields} (which may name a field twice), blocking ones first. */
    public static List<MappingIssue> validate(ProgramInfo program, List<FieldMapping> fields) {
        List<MappingIssue> issues = new ArrayList<>();
        Map<String, Integer> perField = new HashMap<>();
        Map<String, String> perAttribute = new HashMap<>();
        for (FieldMapping m : fields) {
            if (perField.merge(m.field(), 1, Integer::sum) == 2) {
                issues.add(new MappingIssue(MappingIssue.Kind.FIELD_MAPPED_TWICE, m.field(), true,
                        "mapping.issue.fieldTwice", m.field()));
            }
            if (CardField.byKey(m.field()).isEmpty() && !CardField.isCustomKey(m.field())) {
                issues.add(new MappingIssue(MappingIssue.Kind.BAD_FIELD, m.field(), true, "mapping.issue.badField",
                        m.field()));
                continue;
            }
            if (m.by() == FieldMapping.By.ENROLLMENT) {
                Optional<FieldMapping.EnrollmentProperty> p = FieldMapping.EnrollmentProperty.byKey(m.source());
                if (p.isEmpty()) {
                    issues.add(new MappingIssue(MappingIssue.Kind.UNKNOWN_ATTRIBUTE, m.field(), true,
                            "mapping.issue.unknownProperty", m.field(), m.source()));
                } else if (CardField.kindOf(m.field()) == CardField.Kind.DATE
                        && p.get() == FieldMapping.EnrollmentProperty.ORG_UNIT) {
                    issues.add(new MappingIssue(MappingIssue.Kind.NOT_A_DATE, m.field(), true,
                            "mapping.issue.notADate", m.field(), m.source(), "ORGANISATION_UNIT"));
                }
                continue;
            }
            Optional<ProgramInfo.Attribute> a = ProgramMapping.attribute(program, m);
            if (a.isEmpty()) {
                issues.add(new MappingIssue(MappingIssue.Kind.UNKNOWN_ATTRIBUTE, m.field(), true,
                        m.by() == FieldMapping.By.CODE ? "mapping.issue.unknownCode" : "mapping.issue.unknownName",
                        m.field(), m.source()));
                continue;
            }
            ProgramInfo.Attribute attr = a.get();
            String label = attr.displayName() == null ? attr.uid() : attr.displayName();
            if (attr.sensitive()) {
                issues.add(new MappingIssue(MappingIssue.Kind.SENSITIVE_ATTRIBUTE, m.field(), true,
                        "mapping.issue.sensitive", m.field(), label,
                        attr.guard() == null ? "?" : attr.guard().category().name()));
            }
            boolean dateField = CardField.kindOf(m.field()) == CardField.Kind.DATE;
            if (dateField && !DATE_TYPES.contains(String.valueOf(attr.valueType()))) {
                issues.add(new MappingIssue(MappingIssue.Kind.NOT_A_DATE, m.field(), true, "mapping.issue.notADate",
                        m.field(), label, attr.valueType()));
            }
            String previous = perAttribute.putIfAbsent(attr.uid(), m.field());
            if (previous != null && !previous.equals(m.field())) {
                issues.add(new MappingIssue(MappingIssue.Kind.ATTRIBUTE_USED_TWICE, m.field(), false,
                        "mapping.issue.attributeTwice", label, previous, m.field()));
            }
        }
        for (CardField f : CardField.values()) {
            if (f.required() && !perField.containsKey(f.key())) {
                issues.add(new MappingIssue(MappingIssue.Kind.REQUIRED_UNMAPPED, f.key(), true,
                        "mapping.issue.required", f.key()));
            }
        }
        issues.sort((x, y) -> Boolean.compare(y.blocking(), x.blocking()));
        return issues;
    }

    public static List<MappingIssue> validate(ProgramInfo program, ProgramMapping mapping) {
        return validate(program, mapping.fields());
    }

    public static boolean blocking(List<MappingIssue> issues) {
        return issues.stream().anyMatch(MappingIssue::blocking);
    }
}
