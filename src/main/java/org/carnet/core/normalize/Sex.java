package org.carnet.core.normalize;

import java.util.Set;

/** Sex as the card and the matcher know it. */
public enum Sex {
    M, F, U;

    private static final Set<String> MALE = Set.of("m", "male", "man", "men", "masculin", "masculine", "homme", "h",
            "garcon", "boy", "1", "mas", "masc", "sexe masculin");
    private static final Set<String> FEMALE = Set.of("f", "female", "woman", "women", "feminin", "feminine", "femme",
            "fille", "girl", "2", "fem", "sexe feminin");

    /**
     * M or F from the codes and labels DHIS2 servers and legacy lists use, in English and French (M, F, MALE, Female,
     * Masculin, Féminin, Homme, Femme, H, 1, 2…); U for anything else, including empty.
     */
    public static Sex parse(String text) {
        String f = Text.fold(text);
        if (f == null) {
            return U;
        }
        if (MALE.contains(f)) {
            return M;
        }
        if (FEMALE.contains(f)) {
            return F;
        }
        return U;
    }
}
