package org.carnet.core.cards;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.carnet.core.common.AppException;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.connection.ProgramGuards;
import org.carnet.core.dhis2.OrgUnitTree;
import org.carnet.core.mapping.CardField;
import org.carnet.core.mapping.CardValues;
import org.carnet.core.mapping.FieldMapping;
import org.carnet.core.mapping.MappingStore;
import org.carnet.core.mapping.MappingSuggester;
import org.carnet.core.mapping.ProgramMapping;
import org.carnet.core.model.Demographics;
import org.carnet.core.registry.EnrollmentRecord;
import org.carnet.core.registry.ExternalIdLink;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardData;

/**
 * Builds the {@link CardData} of a person from the registry: the identity's demographics, its latest enrollment in a
 * programme, and the programme's card fields through its mapping (guarded attributes come through as sensitive, with
 * no value, so a design that selects one is refused). The programme name is the guard's public name.
 */
public final class CardSource {
    /** Cards are valid five years from issue unless a campaign says otherwise. */
    public static final int VALIDITY_YEARS = 5;

    private final Registry registry;

    public CardSource(Registry registry) {
        this.registry = registry;
    }

    /**
     * @param programUid the programme, or null for the identity's first linked programme
     * @param language the card's language, for the neutral name of a programme whose name is sensitive
     * @throws AppException {@code error.registry.unknownIdentity}, {@code cards.error.noEnrollment}
     */
    public CardData forIdentity(String mpiId, String programUid, String language, LocalDate issuedOn)
            throws AppException {
        String id = mpiId == null ? "" : mpiId.strip().toUpperCase(Locale.ROOT);
        IdentityRecord identity = registry.identityByMpiId(id).orElseThrow(() ->
                new AppException("error.registry.unknownIdentity", "no identity", id));
        List<ExternalIdLink> links = registry.externalIds(identity.mpiId());
        ExternalIdLink link = links.stream().filter(l -> programUid == null || l.programUid().equals(programUid))
                .findFirst().orElseThrow(() -> new AppException("cards.error.noEnrollment",
                        "identity not enrolled in the programme", id));
        Optional<ProgramInfo> known = new ProgramGuards(registry).program(link.programUid());
        if (known.isEmpty()) {
            // Linked by an import (CSV), not by a sync: the card shows the identity without programme fields.
            return build(identity, null, new ProgramInfo(link.programUid(), null, List.of()), Optional.empty(),
                    language, issuedOn);
        }
        ProgramInfo program = known.get();
        EnrollmentRecord[] latest = new EnrollmentRecord[1];
        registry.forEachEnrollment(program.uid(), e -> {
            if (identity.mpiId().equals(e.mpiId()) && (latest[0] == null || later(e, latest[0]))) {
                latest[0] = e;
            }
        });
        return build(identity, link.teiUid(), program, Optional.ofNullable(latest[0]), language, issuedOn);
    }

    /** A programme's card fields, read once: its mapping, the org unit tree and the transform settings. */
    private record Fields(ProgramInfo program, ProgramMapping mapping, OrgUnitTree tree, CardValues values) {
    }

    private Fields fields(ProgramInfo program) throws AppException {
        MappingStore store = new MappingStore(registry);
        ProgramMapping mapping = store.saved(program.uid())
                .orElseGet(() -> new MappingSuggester().suggestedMapping(program));
        MappingStore.Settings settings = store.settings();
        OrgUnitTree tree = new ConnectionStore(registry).orgUnits().orElse(OrgUnitTree.empty());
        return new Fields(program, mapping, tree, new CardValues(program, mapping, tree, settings.phoneCountry(),
                settings.districtLevel()));
    }

    /**
     * Card data of many people of one programme (bulk generation), the programme's mapping, org units and settings
     * read once.
     *
     * @throws AppException {@code cards.error.unknownProgram} when the programme was never synced
     */
    public ProgramCards program(String programUid, String language, LocalDate issuedOn) throws AppException {
        ProgramInfo program = new ProgramGuards(registry).program(programUid).orElseThrow(() ->
                new AppException("cards.error.unknownProgram", "programme not in the registry", programUid));
        Fields f = fields(program);
        return (identity, teiUid, enrollment) -> build(identity, teiUid, f, Optional.ofNullable(enrollment), language,
                issuedOn);
    }

    /** Builds the card data of one enrollment of a programme. */
    @FunctionalInterface
    public interface ProgramCards {
        /**
         * @param teiUid the tracked entity's uid when known (external-id link), else null
         * @param enrollment the enrollment the card is for (its values fill the programme fields)
         */
        CardData card(IdentityRecord identity, String teiUid, EnrollmentRecord enrollment) throws AppException;
    }

    private CardData build(IdentityRecord identity, String teiUid, ProgramInfo program,
            Optional<EnrollmentRecord> enrollment, String language, LocalDate issuedOn) throws AppException {
        return build(identity, teiUid, fields(program), enrollment, language, issuedOn);
    }

    private CardData build(IdentityRecord identity, String teiUid, Fields f, Optional<EnrollmentRecord> enrollment,
            String language, LocalDate issuedOn) {
        ProgramInfo program = f.program();
        ProgramMapping mapping = f.mapping();
        OrgUnitTree tree = f.tree();
        CardValues values = f.values();
        Map<String, CardData.Attribute> attrs = new LinkedHashMap<>();
        String healthCentre = null;
        String district = null;
        if (enrollment.isPresent()) {
            for (CardValues.Value v : values.transform(CardValues.Source.of(enrollment.get()))) {
                boolean blocked = v.status() == CardValues.Status.BLOCKED;
                if (!blocked && (v.text() == null || v.text().isBlank())) {
                    continue;
                }
                String label = CardField.byKey(v.field()).isPresent() ? null : customLabel(program, mapping, v.field());
                attrs.put(v.field(), new CardData.Attribute(label, blocked ? "" : v.text(), blocked));
                if (v.field().equals(CardField.HEALTH_CENTER.key())) {
                    healthCentre = v.text();
                }
            }
            if (healthCentre == null) {
                healthCentre = tree.unit(enrollment.get().orgUnitUid()).map(u -> u.displayName()).orElse(null);
            }
            district = values.district(enrollment.get().orgUnitUid()).orElse(null);
        }
        Demographics d = identity.demographics();
        if (district == null) {
            district = d.district();
        }
        String neutral = "en".equals(language) ? "Health programme" : "Programme de santé";
        String programName = program.name() == null ? null : program.label().publicName(program.name(), neutral);
        LocalDate enrolled = enrollment.map(EnrollmentRecord::enrolledAt)
                .map(i -> i.atZone(ZoneOffset.UTC).toLocalDate()).orElse(null);
        return new CardData(identity.mpiId(), null, d.firstName(), d.lastName(), date(d.dateOfBirth()), sex(d.sex()),
                programName, healthCentre, district, enrolled, issuedOn, issuedOn.plusYears(VALIDITY_YEARS).minusDays(1),
                teiUid, attrs);
    }

    private static String customLabel(ProgramInfo program, ProgramMapping mapping, String field) {
        for (FieldMapping m : mapping.fields()) {
            if (m.field().equals(field)) {
                return ProgramMapping.attribute(program, m).map(ProgramInfo.Attribute::displayName).orElse(field);
            }
        }
        return field;
    }

    /** Is enrollment {@code a} more recent than {@code b} (by enrollment date)? */
    static boolean later(EnrollmentRecord a, EnrollmentRecord b) {
        if (a.enrolledAt() == null) {
            return false;
        }
        return b.enrolledAt() == null || a.enrolledAt().isAfter(b.enrolledAt());
    }

    private static LocalDate date(String iso) {
        if (iso == null || iso.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(iso.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String sex(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        char c = Character.toUpperCase(s.strip().charAt(0));
        return c == 'F' ? "F" : c == 'M' ? "M" : null;
    }
}
