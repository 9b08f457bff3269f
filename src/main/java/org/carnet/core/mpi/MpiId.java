package org.carnet.core.mpi;

import java.security.SecureRandom;
import java.util.Objects;
import org.carnet.core.common.AppException;

/**
 * A Carnet identity number (MPI id), the lifelong identifier printed on a beneficiary's card, in the form
 * {@code {ISO2}-{REGION3}-{YY}-{8 Base36}}, for example {@code SN-DKR-26-9XQ7LM26}.
 *
 * <ul>
 *   <li>{@code ISO2}: country, 2 letters {@code A-Z} (ISO 3166-1 alpha-2; only the form is checked);</li>
 *   <li>{@code REGION3}: region or district of creation, 3 characters {@code A-Z0-9} (see {@link RegionCodes});</li>
 *   <li>{@code YY}: the last two digits of the year of creation, 2000–2099;</li>
 *   <li>8 characters {@code 0-9A-Z}: 7 drawn from a cryptographically secure random generator (36<sup>7</sup>
 *       ≈ 7.8 × 10<sup>10</sup> values per country, region and year), then one ISO/IEC 7064 MOD 37,36 check
 *       character computed over the whole id without its hyphens ({@link #checkCharacter(String)}).</li>
 * </ul>
 *
 * <p>The check character detects every single-character substitution, the most frequent error when an id is typed
 * from a card, and nearly every transposition of two adjacent characters: as ISO/IEC 7064 states for its hybrid
 * systems ("all or nearly all"), a swap of two characters whose values are consecutive (4↔5, A↔B, 9↔A, Z↔0) goes
 * unnoticed in 1 of the 36 possible states of the computation, so about 1 random adjacent transposition in 630 is
 * missed; every other transposition is caught. Values are immutable; {@link #toString()}
 * gives the canonical upper-case form with hyphens. An id identifies a person only through the registry: it holds
 * no personal value.
 */
public final class MpiId {
    /** Message key of the error raised by {@link #parse(String)}. */
    public static final String INVALID_ID_KEY = "mpi.error.invalidId";

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int M = 36;
    private static final int RANDOM_LENGTH = 7;
    /** Length of the canonical form: 2 + 1 + 3 + 1 + 2 + 1 + 8. */
    private static final int LENGTH = 18;

    private final String value;

    private MpiId(String value) {
        this.value = value;
    }

    /**
     * A new id for a person registered in {@code year} in the given country and region.
     *
     * @param iso2 country code, 2 upper-case letters, e.g. {@code SN}
     * @param region3 region code, 3 upper-case letters or digits, e.g. {@code DKR}
     * @param year calendar year of creation, 2000–2099 (only its last two digits are kept)
     * @param random the cryptographically secure source of the 7 random characters
     * @throws IllegalArgumentException if a part is malformed
     */
    public static MpiId generate(String iso2, String region3, int year, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        if (iso2 == null || !matches(iso2, 2, false)) {
            throw new IllegalArgumentException("country code must be 2 upper-case letters A-Z");
        }
        if (region3 == null || !matches(region3, 3, true)) {
            throw new IllegalArgumentException("region code must be 3 upper-case letters or digits");
        }
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("year must be between 2000 and 2099, was " + year);
        }
        StringBuilder compact = new StringBuilder(LENGTH - 3).append(iso2).append(region3)
                .append((char) ('0' + year % 100 / 10)).append((char) ('0' + year % 10));
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            compact.append(ALPHABET.charAt(random.nextInt(M)));
        }
        compact.append(checkCharacter(compact.toString()));
        return new MpiId(hyphenate(compact));
    }

    /**
     * Reads an id as a person or a scanner gives it: surrounding whitespace is ignored and lower case is accepted;
     * the hyphens are required.
     *
     * @throws AppException with key {@value #INVALID_ID_KEY} if the text is not an id of the right form or its
     *         check character does not match (the message never repeats the text)
     */
    public static MpiId parse(String text) throws AppException {
        if (text == null) {
            throw invalid("no text");
        }
        String s = text.strip();
        if (s.length() != LENGTH) {
            throw invalid("length " + s.length() + " instead of " + LENGTH);
        }
        StringBuilder upper = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            char c = s.charAt(i);
            // ASCII only, before changing case: toUpperCase would turn 'ß' into "SS" and 'ı' into 'I'.
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 'a' + 'A');
            }
            if (!allowedAt(i, c)) {
                throw invalid("unexpected character at position " + (i + 1));
            }
            upper.append(c);
        }
        String canonical = upper.toString();
        String compact = canonical.replace("-", "");
        if (checkCharacter(compact.substring(0, compact.length() - 1)) != compact.charAt(compact.length() - 1)) {
            throw invalid("check character mismatch");
        }
        return new MpiId(canonical);
    }

    /** Whether {@link #parse(String)} would accept {@code text}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (AppException e) {
            return false;
        }
    }

    /**
     * The ISO/IEC 7064 MOD 37,36 check character of {@code withoutHyphens} (hybrid system, M = 36): characters are
     * valued {@code 0-9} → 0–9 and {@code A-Z} → 10–35; starting from p = M, each character c gives
     * s = (p + value(c)) mod M, with s = M when that is 0, then p = 2s mod (M + 1); the check character has the
     * value (M + 1 − p) mod M.
     *
     * @param withoutHyphens characters {@code 0-9A-Z} only
     * @throws IllegalArgumentException for any other character
     */
    public static char checkCharacter(String withoutHyphens) {
        int p = M;
        for (int i = 0; i < withoutHyphens.length(); i++) {
            int v = ALPHABET.indexOf(withoutHyphens.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character at position " + (i + 1) + " is not in 0-9A-Z");
            }
            int s = (p + v) % M;
            p = 2 * (s == 0 ? M : s) % (M + 1);
        }
        return ALPHABET.charAt((M + 1 - p) % M);
    }

    /** The country code, e.g. {@code SN}. */
    public String country() {
        return value.substring(0, 2);
    }

    /** The region code, e.g. {@code DKR}. */
    public String region() {
        return value.substring(3, 6);
    }

    /** The calendar year of creation, e.g. 2026 for {@code SN-DKR-26-…}. */
    public int year() {
        return 2000 + Integer.parseInt(value.substring(7, 9));
    }

    /** The canonical form, upper case with hyphens, e.g. {@code SN-DKR-26-9XQ7LM26}. */
    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MpiId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    private static boolean allowedAt(int i, char c) {
        return switch (i) {
            case 2, 6, 9 -> c == '-';
            case 0, 1 -> c >= 'A' && c <= 'Z';
            case 7, 8 -> c >= '0' && c <= '9';
            default -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        };
    }

    private static boolean matches(String s, int length, boolean digits) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || digits && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String hyphenate(CharSequence compact) {
        return compact.subSequence(0, 2) + "-" + compact.subSequence(2, 5) + "-" + compact.subSequence(5, 7) + "-"
                + compact.subSequence(7, 15);
    }

    private static AppException invalid(String detail) {
        return new AppException(INVALID_ID_KEY, "invalid MPI id: " + detail);
    }
}
