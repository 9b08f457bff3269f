package org.carnet.core.normalize;

import java.util.List;

/**
 * A first or last name prepared for matching. {@code original} is what the source said (for display); {@code joined}
 * is the folded name without spaces (Mame-Diarra → mamediarra); {@code tokens} are its folded words, honorific
 * prefixes of compound given names included (El Hadji Malick → el, hadji, malick). Personal data:
 * {@link #toString()} prints no value.
 */
public record PersonName(String original, String joined, List<String> tokens) {
    public PersonName {
        tokens = List.copyOf(tokens);
    }

    /** Null when the text holds no letter or digit. */
    public static PersonName of(String original) {
        String folded = Text.fold(original);
        if (folded == null) {
            return null;
        }
        return new PersonName(original.strip(), folded.replace(" ", ""), List.of(folded.split(" ")));
    }

    /** The words that carry the name: honorific prefixes (El Hadji, Mame, Ndeye, Serigne, Sokhna…) left out. */
    public List<String> significantTokens() {
        List<String> s = tokens.stream().filter(t -> !NameKeys.isHonorific(t)).toList();
        return s.isEmpty() ? tokens : s;
    }

    @Override
    public String toString() {
        return "PersonName<redacted>";
    }
}
