package org.carnet.core.mapping;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carnet.core.dhis2.OrgUnit;
import org.carnet.core.dhis2.OrgUnitTree;
import org.carnet.core.dhis2.TrackedEntity;
import org.carnet.core.guard.GuardedValue;
import org.carnet.core.normalize.BirthDate;
import org.carnet.core.normalize.BirthDates;
import org.carnet.core.normalize.PhoneNumbers;
import org.carnet.core.normalize.Sex;
import org.carnet.core.registry.EnrollmentRecord;
import org.carnet.core.registry.ProgramInfo;

/**
 * Turns one enrollment's raw values into card field values through a mapping: names trimmed and Unicode-normalised,
 * dates through the shared date-of-birth reader (ISO, with approximate dates flagged), sex to M/F/U, phone numbers to
 * E.164 for the default country (numbers of an old numbering plan reported, not guessed), option codes to their
 * labels, org units to the health centre's name, the commune and the district. A field fed by a guarded attribute is
 * {@link Status#BLOCKED}: its value is never read. Pure; the org unit tree may be empty when it was never fetched.
 */
public final class CardValues {
    /** How a value came out. */
    public enum Status {
        /** Transformed as expected. */
        OK,
        /** A date known only in part (year, year and month, a default day, derived from an age). */
        APPROXIMATE,
        /** The source value could not be transformed (unreadable date, invalid or old-plan phone, unknown org unit). */
        WARNING,
        /** The enrollment has no value for the source. */
        MISSING,
        /** The source is a guarded attribute: its value stays in the registry. */
        BLOCKED
    }

    /**
     * One card field's value. Personal data: {@link #toString()} prints the field and status only.
     *
     * @param text    what the card shows; null when missing, blocked, or not transformable
     * @param noteKey a message key explaining the status (null for OK), with {@code noteArgs} (metadata only)
     */
    public record Value(String field, String text, Status status, String noteKey, List<Object> noteArgs) {
        public Value {
            noteArgs = noteArgs == null ? List.of() : List.copyOf(noteArgs);
        }

        static Value ok(String field, String text) {
            return new Value(field, text, Status.OK, null, List.of());
        }

        static Value of(String field, Status status, String text, String key, Object... args) {
            return new Value(field, text, status, key, List.of(args));
        }

        @Override
        public String toString() {
            return "Value[" + field + ", " + status + "]";
        }
    }

    /**
     * What an enrollment offers: its non-sensitive attribute values by attribute uid, its dates and its org unit.
     * Personal data: {@link #toString()} prints counts only.
     */
    public record Source(Map<String, String> values, String enrolledAt, String occurredAt, String orgUnit) {
        public Source {
            values = values == null ? Map.of() : Map.copyOf(values);
        }

        /** From a DHIS2 tracked entity and its enrollment in the program; guarded attributes are not copied. */
        public static Source of(ProgramInfo program, TrackedEntity te) {
            Map<String, String> values = new HashMap<>();
            for (ProgramInfo.Attribute a : program.attributes()) {
                if (!a.sensitive()) {
                    te.value(a.uid()).ifPresent(v -> values.put(a.uid(), v));
                }
            }
            var enrollment = te.enrollmentsIn(program.uid()).stream().findFirst();
            return new Source(values, enrollment.map(e -> e.enrolledAt()).orElse(null),
                    enrollment.map(e -> e.occurredAt()).orElse(null),
                    enrollment.map(e -> e.orgUnit()).filter(o -> o != null).orElse(te.orgUnit()));
        }

        /** From an enrollment in the registry: only plain values can be read. */
        public static Source of(EnrollmentRecord e) {
            Map<String, String> values = new HashMap<>();
            for (EnrollmentRecord.Value v : e.values()) {
                if (v.value() instanceof GuardedValue.Plain p) {
                    values.put(v.attributeUid(), p.text());
                }
            }
            return new Source(values, e.enrolledAt() == null ? null : e.enrolledAt().toString(),
                    e.occurredAt() == null ? null : e.occurredAt().toString(), e.orgUnitUid());
        }

        @Override
        public String toString() {
            return "Source[" + values.size() + " values]";
        }
    }

    private final ProgramInfo program;
    private final ProgramMapping mapping;
    private final OrgUnitTree orgUnits;
    private final String defaultRegion;
    private final int districtLevel;

    /**
     * @param orgUnits      the org unit hierarchy, or null when unknown (org units then show as their uid's name
     *                      cannot be found: {@link Status#WARNING})
     * @param defaultRegion ISO 3166 country for phone numbers written without a country code, such as {@code SN}
     */
    public CardValues(ProgramInfo program, ProgramMapping mapping, OrgUnitTree orgUnits, String defaultRegion,
            int districtLevel) {
        this.program = program;
        this.mapping = mapping;
        this.orgUnits = orgUnits;
        this.defaultRegion = defaultRegion;
        this.districtLevel = districtLevel;
    }

    /** Every mapped field's value, in the mapping's order. */
    public List<Value> transform(Source source) {
        List<Value> out = new ArrayList<>();
        for (FieldMapping m : mapping.fields()) {
            out.add(value(m, source));
        }
        return out;
    }

    /** One field's value. */
    public Value value(FieldMapping m, Source source) {
        String field = m.field();
        CardField.Kind kind = CardField.kindOf(field);
        String raw;
        ProgramInfo.Attribute attribute = null;
        boolean orgUnitSource;
        if (m.by() == FieldMapping.By.ENROLLMENT) {
            Optional<FieldMapping.EnrollmentProperty> p = FieldMapping.EnrollmentProperty.byKey(m.source());
            if (p.isEmpty()) {
                return Value.of(field, Status.WARNING, null, "mapping.value.unknownSource");
            }
            raw = switch (p.get()) {
                case ENROLLED_AT -> source.enrolledAt();
                case OCCURRED_AT -> source.occurredAt();
                case ORG_UNIT -> source.orgUnit();
            };
            orgUnitSource = p.get() == FieldMapping.EnrollmentProperty.ORG_UNIT;
        } else {
            Optional<ProgramInfo.Attribute> a = ProgramMapping.attribute(program, m);
            if (a.isEmpty()) {
                return Value.of(field, Status.WARNING, null, "mapping.value.unknownSource");
            }
            attribute = a.get();
            if (attribute.sensitive()) {
                return Value.of(field, Status.BLOCKED, null, "mapping.value.blocked");
            }
            raw = source.values().get(attribute.uid());
            orgUnitSource = "ORGANISATION_UNIT".equals(attribute.valueType());
        }
        if (raw == null || raw.isBlank()) {
            return Value.of(field, Status.MISSING, null, "mapping.value.missing");
        }
        if (orgUnitSource) {
            return orgUnit(field, kind, raw.strip(), m.by() == FieldMapping.By.ENROLLMENT);
        }
        String label = attribute == null ? raw : optionLabel(attribute, raw);
        return switch (kind) {
            case NAME -> Value.ok(field, name(label));
            case DATE -> date(field, raw);
            case SEX -> sex(field, raw, label);
            case PHONE -> phone(field, raw);
            default -> Value.ok(field, name(label));
        };
    }

    /** Unicode NFC, no control characters, single spaces, trimmed; the case as written. */
    static String name(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("[\\p{Cc}\\p{Cf}]", " ");
        return n.replaceAll("\\s+", " ").strip();
    }

    private static String optionLabel(ProgramInfo.Attribute a, String raw) {
        String code = raw.strip();
        return a.options().stream().filter(o -> o.code().equals(code)).map(o -> o.displayName() == null ? o.code()
                : o.displayName()).findFirst().orElse(raw);
    }

    private static Value date(String field, String raw) {
        String s = raw.strip();
        try {
            if (s.length() > 10 && s.contains("T")) {
                s = Instant.parse(s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$") ? s : s + "Z").toString()
                        .substring(0, 10);
            }
        } catch (java.time.format.DateTimeParseException e) {
            s = s.substring(0, 10);
        }
        BirthDate d = BirthDates.parse(s);
        if (d == null) {
            return Value.of(field, Status.WARNING, null, "mapping.value.badDate");
        }
        if (d.precision() == BirthDate.Precision.FULL) {
            return Value.ok(field, d.iso());
        }
        return Value.of(field, Status.APPROXIMATE, d.iso(), "mapping.value.approximate." + d.precision().name());
    }

    private static Value sex(String field, String raw, String label) {
        Sex s = label.equals(raw) ? Sex.U : Sex.parse(label);
        if (s == Sex.U) {
            s = Sex.parse(raw);
        }
        if (s == Sex.U) {
            return Value.of(field, Status.WARNING, "U", "mapping.value.unknownSex");
        }
        return Value.ok(field, s.name());
    }

    private Value phone(String field, String raw) {
        PhoneNumbers.Phone p = PhoneNumbers.normalize(raw, defaultRegion);
        return switch (p.status()) {
            case VALID -> Value.ok(field, p.e164());
            case EMPTY -> Value.of(field, Status.MISSING, null, "mapping.value.missing");
            default -> Value.of(field, Status.WARNING, null, PhoneNumbers.messageKey(p.status()));
        };
    }

    private Value orgUnit(String field, CardField.Kind kind, String uid, boolean enrollmentUnit) {
        Optional<OrgUnit> unit = orgUnits == null ? Optional.empty() : orgUnits.unit(uid);
        if (unit.isEmpty()) {
            return Value.of(field, Status.WARNING, null, "mapping.value.unknownOrgUnit", uid);
        }
        if (kind == CardField.Kind.ZONE && enrollmentUnit) {
            Optional<OrgUnit> district = orgUnits.ancestorAtLevel(uid, districtLevel);
            return district.map(d -> Value.ok(field, d.displayName()))
                    .orElseGet(() -> Value.ok(field, unit.get().displayName()));
        }
        return Value.ok(field, unit.get().displayName());
    }

    /** The district (at the configured level) of an org unit, for messages and search; empty when unknown. */
    public Optional<String> district(String orgUnitUid) {
        return orgUnits == null ? Optional.empty()
                : orgUnits.ancestorAtLevel(orgUnitUid, districtLevel).map(OrgUnit::displayName);
    }
}
