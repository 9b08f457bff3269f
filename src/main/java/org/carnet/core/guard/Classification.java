package org.carnet.core.guard;

/**
 * The guard's decision for one field.
 *
 * @param confidence how sure the decision is, from 0 to 1 (for {@link SensitiveCategory#NONE}: how little sensitive
 *                   evidence was found)
 * @param reason     the terms and rules that decided, for example {@code "arv" in name → HIV_AIDS}
 */
public record Classification(SensitiveCategory category, double confidence, String reason) {
}
