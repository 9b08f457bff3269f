package org.carnet.core.registry;

import java.util.List;
import org.carnet.core.guard.AttributeGuard;
import org.carnet.core.guard.ProgramLabel;

/**
 * A DHIS2 Tracker program and its tracked-entity attributes, cached (encrypted) for offline mapping and design, with
 * the sensitive-data guard's verdicts. {@code code} may be null: DHIS2 codes are optional. {@code label} says whether
 * the name itself discloses a category, and the neutral label to use instead.
 */
public record ProgramInfo(String uid, String name, String code, List<Attribute> attributes, ProgramLabel label) {
    public ProgramInfo {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        label = label == null ? ProgramLabel.NEUTRAL : label;
    }

    public ProgramInfo(String uid, String name, String code, List<Attribute> attributes) {
        this(uid, name, code, attributes, null);
    }

    public ProgramInfo(String uid, String name, List<Attribute> attributes) {
        this(uid, name, null, attributes, null);
    }

    public ProgramInfo withAttributes(List<Attribute> next) {
        return new ProgramInfo(uid, name, code, next, label);
    }

    public ProgramInfo withLabel(ProgramLabel next) {
        return new ProgramInfo(uid, name, code, attributes, next);
    }

    /** The attributes whose values the guard keeps in the registry only. */
    public List<Attribute> guardedAttributes() {
        return attributes.stream().filter(Attribute::sensitive).toList();
    }

    /**
     * One tracked-entity attribute of a program. {@code options} are the option set's codes and display names (DHIS2
     * stores the code). {@code guard} is the guard's verdict; null only in a registry written before the guard
     * existed, until the program is read through the connection store. {@code unique} is DHIS2's flag.
     */
    public record Attribute(String uid, String code, String displayName, String valueType, String optionSetUid,
            List<Option> options, boolean confidential, boolean mandatory, boolean unique, String shortName,
            AttributeGuard guard) {
        public Attribute {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public Attribute(String uid, String code, String displayName, String valueType, String optionSetUid,
                List<Option> options, boolean confidential, boolean mandatory) {
            this(uid, code, displayName, valueType, optionSetUid, options, confidential, mandatory, false, null, null);
        }

        public Attribute(String uid, String code, String displayName, String valueType) {
            this(uid, code, displayName, valueType, null, List.of(), false, false);
        }

        public Attribute withGuard(AttributeGuard next) {
            return new Attribute(uid, code, displayName, valueType, optionSetUid, options, confidential, mandatory,
                    unique, shortName, next);
        }

        /** Whether the guard keeps this attribute's values in the registry only (unknown counts as sensitive). */
        public boolean sensitive() {
            return guard == null || guard.sensitive();
        }

        /** Whether this attribute's values may go into an analytics export. */
        public boolean exportable() {
            return guard != null && guard.exportable();
        }
    }

    /** An option of an option set. */
    public record Option(String code, String displayName) {
    }
}
