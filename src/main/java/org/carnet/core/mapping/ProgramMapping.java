package org.carnet.core.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.carnet.core.normalize.Text;
import org.carnet.core.registry.ProgramInfo;

/**
 * How one program's attributes feed the card fields: at most one source per field, built-in fields first in their
 * order, then custom fields by key. {@code version} counts the saved versions (0: never saved, such as accepted
 * suggestions).
 */
public record ProgramMapping(String programUid, int version, String updatedAt, List<FieldMapping> fields) {
    public ProgramMapping {
        fields = sorted(fields == null ? List.of() : fields);
    }

    public static ProgramMapping empty(String programUid) {
        return new ProgramMapping(programUid, 0, null, List.of());
    }

    private static List<FieldMapping> sorted(List<FieldMapping> fields) {
        List<FieldMapping> out = new ArrayList<>(fields);
        out.sort(Comparator.comparingInt((FieldMapping f) -> CardField.byKey(f.field()).map(Enum::ordinal)
                .orElse(Integer.MAX_VALUE)).thenComparing(FieldMapping::field));
        return List.copyOf(out);
    }

    public Optional<FieldMapping> field(String key) {
        return fields.stream().filter(f -> f.field().equals(key)).findFirst();
    }

    /** This mapping with {@code m} replacing whatever fed its field. */
    public ProgramMapping with(FieldMapping m) {
        List<FieldMapping> next = new ArrayList<>(fields.stream().filter(f -> !f.field().equals(m.field())).toList());
        next.add(m);
        return new ProgramMapping(programUid, version, updatedAt, next);
    }

    public ProgramMapping without(String field) {
        return new ProgramMapping(programUid, version, updatedAt,
                fields.stream().filter(f -> !f.field().equals(field)).toList());
    }

    /** The built-in fields nothing feeds. */
    public List<CardField> unmapped() {
        List<CardField> out = new ArrayList<>();
        for (CardField f : CardField.values()) {
            if (field(f.key()).isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }

    /** The attribute of {@code program} that {@code m} reads; empty for enrollment properties or when none matches. */
    public static Optional<ProgramInfo.Attribute> attribute(ProgramInfo program, FieldMapping m) {
        if (m.by() == FieldMapping.By.CODE) {
            return program.attributes().stream().filter(a -> a.code() != null
                    && a.code().strip().equalsIgnoreCase(m.source().strip())).findFirst();
        }
        if (m.by() == FieldMapping.By.NAME) {
            String wanted = folded(m.source());
            return program.attributes().stream().filter(a -> a.displayName() != null
                    && folded(a.displayName()).equals(wanted)).findFirst();
        }
        return Optional.empty();
    }

    private static String folded(String s) {
        String f = Text.fold(s);
        return f == null ? "" : f.toLowerCase(Locale.ROOT);
    }
}
