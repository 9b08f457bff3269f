package org.carnet.core.guard;

/**
 * The guard's verdict on one attribute of a program, stored with the cached program.
 *
 * @param category    what the attribute's values disclose; any category but {@link SensitiveCategory#NONE} keeps the
 *                    values out of exports, cards, payloads, messages, logs and the MPI engine
 * @param confidence  the classifier's confidence in {@code detected}, from 0 to 1
 * @param reason      why: the classifier's terms, or the admin's reason when {@code source} is {@link Source#ADMIN}
 * @param source      who decided the category
 * @param detected    the classifier's own verdict, kept when an admin changed it
 * @param detectedReason the classifier's reason for {@code detected}
 * @param identifying whether the values identify the person directly (name, date of birth, phone, national id,
 *                    address): they may go on a card but never into an analytics export or a log
 * @param changedAt   when an admin set the category (ISO instant), null for the classifier's verdict
 */
public record AttributeGuard(SensitiveCategory category, double confidence, String reason, Source source,
        SensitiveCategory detected, String detectedReason, boolean identifying, String changedAt) {

    /** Who decided an attribute's category. */
    public enum Source { CLASSIFIER, ADMIN }

    public AttributeGuard {
        category = category == null ? SensitiveCategory.NONE : category;
        detected = detected == null ? category : detected;
        source = source == null ? Source.CLASSIFIER : source;
        reason = reason == null ? "" : reason;
        detectedReason = detectedReason == null ? reason : detectedReason;
    }

    /** The classifier's verdict. */
    public static AttributeGuard detected(Classification c, boolean identifying) {
        return new AttributeGuard(c.category(), c.confidence(), c.reason(), Source.CLASSIFIER, c.category(),
                c.reason(), identifying, null);
    }

    /** The classifier's verdict alone, without the admin's decision. */
    public AttributeGuard withoutOverride() {
        return new AttributeGuard(detected, confidence, detectedReason, Source.CLASSIFIER, detected, detectedReason,
                identifying, null);
    }

    /** This verdict with the admin's decision on top (or without any, when {@code override} is null). */
    public AttributeGuard with(GuardOverride override) {
        AttributeGuard base = withoutOverride();
        if (override == null) {
            return base;
        }
        return new AttributeGuard(override.category(), confidence, override.reason(), Source.ADMIN, detected,
                detectedReason, identifying, override.at());
    }

    public boolean sensitive() {
        return category.isSensitive();
    }

    /** Whether the attribute's values may leave the registry in an analytics export. */
    public boolean exportable() {
        return !sensitive() && !identifying;
    }
}
