package org.carnet.core.crypto;

import java.util.Locale;
import java.util.Set;

/**
 * How strong a passphrase is, on a 0–4 scale, with a minimum for the registry. Rough entropy estimate: length ×
 * alphabet size, penalised for repeats, sequences and common passwords. Long multi-word passphrases score well
 * without symbols; short complex ones do not.
 */
public final class PassphrasePolicy {
    public static final int MIN_LENGTH = 10;
    /** Scores below this are refused. */
    public static final int MIN_SCORE = 2;

    private static final Set<String> COMMON = Set.of("password", "motdepasse", "azerty", "qwerty", "123456", "dhis2",
            "district", "admin", "carnet", "senegal", "dakar", "welcome", "bienvenue", "letmein", "iloveyou", "soleil");

    /** The verdict for one passphrase. */
    public record Strength(int score, double bits, boolean acceptable, String reasonKey) {
    }

    private PassphrasePolicy() {
    }

    public static Strength evaluate(char[] passphrase) {
        String p = new String(passphrase);
        if (p.isBlank()) {
            return new Strength(0, 0, false, "passphrase.reason.empty");
        }
        int lower = 0;
        int upper = 0;
        int digit = 0;
        int other = 0;
        for (int cp : p.codePoints().toArray()) {
            if (Character.isLowerCase(cp)) {
                lower = 26;
            } else if (Character.isUpperCase(cp)) {
                upper = 26;
            } else if (Character.isDigit(cp)) {
                digit = 10;
            } else {
                other = 33;
            }
        }
        int alphabet = Math.max(lower + upper + digit + other, 10);
        double effectiveLength = effectiveLength(p);
        double bits = effectiveLength * (Math.log(alphabet) / Math.log(2));
        String lowerCase = p.toLowerCase(Locale.ROOT);
        for (String c : COMMON) {
            if (lowerCase.contains(c)) {
                bits -= c.length() * 3.5;
            }
        }
        bits = Math.max(0, bits);
        int score = bits < 28 ? 0 : bits < 40 ? 1 : bits < 55 ? 2 : bits < 75 ? 3 : 4;
        if (p.codePointCount(0, p.length()) < MIN_LENGTH) {
            return new Strength(Math.min(score, 1), bits, false, "passphrase.reason.tooShort");
        }
        if (score < MIN_SCORE) {
            return new Strength(score, bits, false, "passphrase.reason.tooWeak");
        }
        return new Strength(score, bits, true, score >= 4 ? "passphrase.reason.excellent"
                : score == 3 ? "passphrase.reason.good" : "passphrase.reason.fair");
    }

    /** Length that counts repeats and simple sequences (aaaa, 1234, abcd) at a quarter. */
    private static double effectiveLength(String p) {
        int[] cps = p.codePoints().toArray();
        double len = cps.length == 0 ? 0 : 1;
        for (int i = 1; i < cps.length; i++) {
            int d = cps[i] - cps[i - 1];
            len += (d == 0 || d == 1 || d == -1) ? 0.25 : 1;
        }
        return len;
    }
}
