package org.carnet.core.demo.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * DHIS2 personal access tokens: {@code d2pat_} + 32 characters + the CRC32 of those 32 characters as 10 zero-padded
 * digits (the format of {@code ApiTokenType.PERSONAL_ACCESS_TOKEN_V1}; checked against the documented example
 * {@code d2pat_5xVA12xyUbWNedQxy4ohH77WlxRGVvZZ1151814092}). Demo tokens are derived from the seed and the owner.
 */
public final class Tokens {
    static final String PREFIX = "d2pat_";
    /** DHIS2's header syntax, scheme word in any case. */
    static final Pattern HEADER = Pattern.compile("^ApiToken (?<token>[a-z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Tokens() {
    }

    /** The token of {@code owner} (an expired one when {@code purpose} says so) for this seed. */
    public static String personalAccessToken(long seed, String owner, String purpose) {
        Hashing.Draws d = new Hashing.Draws(seed, Hashing.mix(seed, owner), Hashing.mix(seed, purpose));
        StringBuilder body = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            body.append(ALPHABET.charAt(d.below(ALPHABET.length())));
        }
        return PREFIX + body + checksum(body.toString());
    }

    /** True when the last 10 digits are the CRC32 of the 32 characters after the prefix. */
    static boolean checksumValid(String token) {
        if (!token.startsWith(PREFIX) || token.length() != PREFIX.length() + 42) {
            return false;
        }
        String body = token.substring(PREFIX.length(), PREFIX.length() + 32);
        return checksum(body).equals(token.substring(PREFIX.length() + 32));
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return String.format(Locale.ROOT, "%010d", crc.getValue());
    }
}
