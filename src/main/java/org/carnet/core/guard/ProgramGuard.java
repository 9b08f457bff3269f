package org.carnet.core.guard;

import java.time.Instant;
import java.util.Objects;

/**
 * The guard's policy for a program's metadata: the classifier's verdict on each attribute, an admin's override on top
 * of it, and whether the program's own name gives a category away. An admin may add a category freely; removing or
 * replacing a sensitive category needs a reason ({@link #checkChange}). Pure: storing verdicts and overrides is the
 * caller's business.
 */
public final class ProgramGuard {
    /** The shortest reason accepted for removing a sensitive category. */
    public static final int MIN_REASON_LENGTH = 8;

    private final AttributeClassifier classifier;
    private final IdentifyingFields identifying;

    public ProgramGuard() {
        this(new AttributeClassifier(), new IdentifyingFields());
    }

    /** One shared instance with the shipped lexicon (the guard is thread-safe). */
    public static ProgramGuard standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final ProgramGuard INSTANCE = new ProgramGuard();
    }

    public ProgramGuard(AttributeClassifier classifier, IdentifyingFields identifying) {
        this.classifier = classifier;
        this.identifying = identifying;
    }

    /**
     * The verdict on one attribute.
     *
     * @param override the admin's decision for it, or null
     */
    public AttributeGuard judge(AttributeDescription attribute, boolean unique, boolean confidential,
            GuardOverride override) {
        Classification c = classifier.classify(attribute);
        boolean ident = identifying.identifying(attribute, unique, confidential);
        return AttributeGuard.detected(c, ident).with(override);
    }

    /** Whether a program's name, short name or code discloses a category. */
    public ProgramLabel judgeProgram(String name, String shortName, String code, String publicLabel) {
        Classification c = classifier.classify(new AttributeDescription(name, shortName, code, null, null, null,
                null));
        return new ProgramLabel(c.category(), c.category().isSensitive() ? c.reason() : "", publicLabel);
    }

    /** Whether changing an attribute from {@code current} to {@code next} removes a sensitive category. */
    public static boolean removes(SensitiveCategory current, SensitiveCategory next) {
        return current.isSensitive() && current != next;
    }

    /**
     * The admin's decision, checked: removing or replacing a sensitive category needs a reason of at least
     * {@value #MIN_REASON_LENGTH} characters.
     *
     * @throws GuardPolicyException when the reason is missing or too short
     */
    public static GuardOverride checkChange(String programUid, String attributeUid, SensitiveCategory current,
            SensitiveCategory next, String reason, Instant at) throws GuardPolicyException {
        Objects.requireNonNull(next, "next");
        String r = reason == null ? "" : reason.strip();
        if (removes(current, next) && r.length() < MIN_REASON_LENGTH) {
            throw new GuardPolicyException("error.guard.reasonRequired", current, MIN_REASON_LENGTH);
        }
        return new GuardOverride(programUid, attributeUid, next, r, at.toString());
    }
}
