package org.carnet.core.guard;

/**
 * The sensitive fact a value of a DHIS2 attribute or data element would disclose about a person (see
 * {@code docs/guard.md}). Any category but {@link #NONE} blocks the field from exports, cards, payloads, logs and AI
 * processing. The constant names are what {@code carnet guard} prints and reads.
 */
public enum SensitiveCategory {
    HIV_AIDS, STI, TUBERCULOSIS, MENTAL_HEALTH, SEROLOGICAL, BIOMETRIC, FINANCIAL, NONE;

    /** Whether a field of this category must be blocked. */
    public boolean isSensitive() {
        return this != NONE;
    }
}
