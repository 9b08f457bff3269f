package org.carnet.core.guard;

/**
 * Whether a program's own name discloses a sensitive category ("Carte ARV", "Programme TB"), and the neutral label to
 * show instead on cards, QR and wallet payloads and outgoing messages.
 *
 * @param revealed    the category the name discloses, {@link SensitiveCategory#NONE} when it discloses nothing
 * @param reason      the classifier's terms that decided
 * @param publicLabel the label the admin chose; null means the default neutral label of the card's language
 */
public record ProgramLabel(SensitiveCategory revealed, String reason, String publicLabel) {
    /** A program whose name discloses nothing. */
    public static final ProgramLabel NEUTRAL = new ProgramLabel(SensitiveCategory.NONE, "", null);

    public ProgramLabel {
        revealed = revealed == null ? SensitiveCategory.NONE : revealed;
        reason = reason == null ? "" : reason;
        publicLabel = publicLabel == null || publicLabel.isBlank() ? null : publicLabel.strip();
    }

    public boolean flagged() {
        return revealed.isSensitive();
    }

    /**
     * The name to print or send: the program's name when it discloses nothing and no label was chosen, else the chosen
     * label, else {@code neutralDefault} (such as "Programme de santé").
     */
    public String publicName(String programName, String neutralDefault) {
        if (publicLabel != null) {
            return publicLabel;
        }
        return flagged() ? neutralDefault : programName;
    }

    public ProgramLabel withPublicLabel(String label) {
        return new ProgramLabel(revealed, reason, label);
    }
}
