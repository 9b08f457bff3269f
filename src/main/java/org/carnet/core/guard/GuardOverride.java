package org.carnet.core.guard;

/**
 * An admin's decision on one attribute's category, which outlives metadata refreshes.
 *
 * @param reason why; required when the decision removes a sensitive category
 * @param at     when (ISO instant)
 */
public record GuardOverride(String programUid, String attributeUid, SensitiveCategory category, String reason,
        String at) {
}
