package org.carnet.core.connection;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carnet.core.common.AppException;
import org.carnet.core.dhis2.Dhis2Attribute;
import org.carnet.core.dhis2.Dhis2Program;
import org.carnet.core.guard.AttributeDescription;
import org.carnet.core.guard.AttributeGuard;
import org.carnet.core.guard.GuardOverride;
import org.carnet.core.guard.ProgramGuard;
import org.carnet.core.guard.ProgramLabel;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryException;

/**
 * Runs the sensitive-data guard over program metadata and keeps the admin's decisions: every fetch or refresh stores
 * each attribute's verdict with the cached program; an admin's category changes and public labels live in an
 * encrypted registry document ({@value #DOCUMENT}) that outlives refreshes, and every change is audited with its
 * reason in the same transaction.
 */
public final class ProgramGuards {
    /** The registry document holding the admin's decisions. */
    public static final String DOCUMENT = "guard.policy";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The admin's decisions: category overrides, and public labels by program uid. */
    public record Policy(List<GuardOverride> overrides, Map<String, String> labels) {
        public Policy {
            overrides = overrides == null ? List.of() : List.copyOf(overrides);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        static final Policy EMPTY = new Policy(List.of(), Map.of());

        GuardOverride override(String programUid, String attributeUid) {
            return overrides.stream().filter(o -> o.programUid().equals(programUid)
                    && o.attributeUid().equals(attributeUid)).findFirst().orElse(null);
        }

        Policy with(GuardOverride o) {
            List<GuardOverride> next = new ArrayList<>(overrides.stream().filter(x -> !(x.programUid()
                    .equals(o.programUid()) && x.attributeUid().equals(o.attributeUid()))).toList());
            next.add(o);
            return new Policy(next, labels);
        }

        Policy withLabel(String programUid, String label) {
            Map<String, String> next = new LinkedHashMap<>(labels);
            if (label == null || label.isBlank()) {
                next.remove(programUid);
            } else {
                next.put(programUid, label.strip());
            }
            return new Policy(overrides, next);
        }
    }

    private final Registry registry;
    private final ProgramGuard guard;

    public ProgramGuards(Registry registry) {
        this(registry, ProgramGuard.standard());
    }

    public ProgramGuards(Registry registry, ProgramGuard guard) {
        this.registry = registry;
        this.guard = guard;
    }

    /** The server's programs as the registry caches them, each attribute judged by the classifier alone. */
    public static List<ProgramInfo> judge(List<Dhis2Program> programs, ProgramGuard guard) {
        List<ProgramInfo> out = new ArrayList<>();
        for (Dhis2Program p : programs) {
            List<ProgramInfo.Attribute> attrs = new ArrayList<>();
            for (Dhis2Attribute a : p.attributes()) {
                AttributeDescription d = new AttributeDescription(a.displayName(), a.shortName(), a.code(), null,
                        a.valueType(), a.options().stream().map(o -> o.displayName() == null ? o.code()
                                : o.displayName()).toList(), null);
                attrs.add(new ProgramInfo.Attribute(a.id(), a.code(), a.displayName(), a.valueType(), a.optionSetId(),
                        a.options().stream().map(o -> new ProgramInfo.Option(o.code(), o.displayName())).toList(),
                        a.confidential(), a.mandatory(), a.unique(), a.shortName(),
                        guard.judge(d, a.unique(), a.confidential(), null)));
            }
            out.add(new ProgramInfo(p.id(), p.name(), p.code(), attrs,
                    guard.judgeProgram(p.name(), p.shortName(), p.code(), null)));
        }
        return out;
    }

    /** Judges the server's programs, applies the admin's decisions and replaces the cached list with the result. */
    public List<ProgramInfo> refresh(List<Dhis2Program> programs) throws RegistryException {
        Policy policy = policy();
        List<ProgramInfo> judged = judge(programs, guard).stream().map(p -> apply(p, policy)).toList();
        registry.replacePrograms(judged);
        return judged;
    }

    /**
     * A cached program with the admin's current decisions applied; a program cached before the guard existed is
     * judged now.
     */
    public ProgramInfo apply(ProgramInfo program, Policy policy) {
        List<ProgramInfo.Attribute> attrs = new ArrayList<>();
        for (ProgramInfo.Attribute a : program.attributes()) {
            AttributeGuard g = a.guard();
            if (g == null) {
                AttributeDescription d = new AttributeDescription(a.displayName(), a.shortName(), a.code(), null,
                        a.valueType(), a.options().stream().map(o -> o.displayName() == null ? o.code()
                                : o.displayName()).toList(), null);
                g = guard.judge(d, a.unique(), a.confidential(), null);
            }
            attrs.add(a.withGuard(g.with(policy.override(program.uid(), a.uid()))));
        }
        ProgramLabel label = program.label();
        if (ProgramLabel.NEUTRAL.equals(label) && program.attributes().stream().anyMatch(a -> a.guard() == null)) {
            label = guard.judgeProgram(program.name(), null, program.code(), null);
        }
        return program.withAttributes(attrs).withLabel(label.withPublicLabel(policy.labels().get(program.uid())));
    }

    /** The cached programs, by name, with the admin's decisions applied. */
    public List<ProgramInfo> programs() throws RegistryException {
        Policy policy = policy();
        List<ProgramInfo> out = new ArrayList<>();
        for (ProgramInfo p : registry.programs()) {
            out.add(apply(p, policy));
        }
        return out;
    }

    public Optional<ProgramInfo> program(String uid) throws RegistryException {
        Optional<ProgramInfo> p = registry.program(uid);
        return p.isEmpty() ? p : Optional.of(apply(p.get(), policy()));
    }

    /**
     * Sets an attribute's category. Adding one is free; removing or replacing a sensitive one needs a reason. The change
     * and its reason go to the audit log; the cached program is rewritten with the new verdict.
     *
     * @return the program as it is now
     * @throws AppException when the program or attribute is unknown, or the reason is missing
     */
    public ProgramInfo setCategory(String programUid, String attributeUid, SensitiveCategory category, String reason)
            throws AppException {
        ProgramInfo program = program(programUid).orElseThrow(() -> new AppException("error.guard.noProgram",
                "program not cached", programUid));
        ProgramInfo.Attribute attribute = program.attributes().stream().filter(a -> a.uid().equals(attributeUid))
                .findFirst().orElseThrow(() -> new AppException("error.guard.noAttribute",
                        "attribute not in program", attributeUid, programUid));
        SensitiveCategory current = attribute.guard().category();
        GuardOverride o = ProgramGuard.checkChange(programUid, attributeUid, current, category, reason,
                Instant.now());
        Policy next = policy().with(o);
        String resource = "program=" + programUid + " attribute=" + attributeUid + " " + current + "→" + category;
        registry.saveDocument(DOCUMENT, encode(next), "guard.category.set", resource,
                o.reason().isEmpty() ? null : o.reason());
        ProgramInfo updated = apply(program, next);
        registry.saveProgram(updated);
        return updated;
    }

    /** Sets (or, when blank, clears) the neutral public label shown instead of a program's name; audited. */
    public ProgramInfo setPublicLabel(String programUid, String label) throws AppException {
        ProgramInfo program = program(programUid).orElseThrow(() -> new AppException("error.guard.noProgram",
                "program not cached", programUid));
        Policy next = policy().withLabel(programUid, label);
        registry.saveDocument(DOCUMENT, encode(next), "guard.label.set", "program=" + programUid, null);
        ProgramInfo updated = apply(program, next);
        registry.saveProgram(updated);
        return updated;
    }

    public Policy policy() throws RegistryException {
        Optional<byte[]> doc = registry.document(DOCUMENT);
        if (doc.isEmpty()) {
            return Policy.EMPTY;
        }
        try {
            return JSON.readValue(doc.get(), Policy.class);
        } catch (IOException e) {
            throw new RegistryException("error.guard.policyUnreadable", "guard policy unreadable");
        }
    }

    private static byte[] encode(Policy p) {
        try {
            return JSON.writeValueAsBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException("guard policy not serialisable", e);
        }
    }
}
