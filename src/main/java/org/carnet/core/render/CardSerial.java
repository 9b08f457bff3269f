package org.carnet.core.render;

import java.security.SecureRandom;
import org.carnet.core.common.AppException;
import org.carnet.core.mpi.MpiId;

/**
 * A card serial: 8 characters {@code 0-9A-Z}, 7 from a cryptographically secure generator and an ISO/IEC 7064
 * MOD 37,36 check character as in MPI ids, so a serial typed from a card is checked before any lookup. One per issued
 * card: a reprint gets a new serial, which is what revocation lists name.
 */
public final class CardSerial {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private CardSerial() {
    }

    public static String generate(SecureRandom random) {
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 7; i++) {
            b.append(ALPHABET.charAt(random.nextInt(36)));
        }
        return b.append(MpiId.checkCharacter(b.toString())).toString();
    }

    /** The serial whose first 7 characters are given (tests, sample data). */
    public static String withCheck(String seven) {
        return seven + MpiId.checkCharacter(seven);
    }

    public static boolean isValid(String s) {
        if (s == null || s.length() != 8 || !s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return false;
        }
        return MpiId.checkCharacter(s.substring(0, 7)) == s.charAt(7);
    }

    /** Upper-cases and checks a serial typed or scanned. */
    public static String parse(String text) throws AppException {
        String s = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        if (!isValid(s)) {
            throw new AppException("render.error.serial", "invalid card serial");
        }
        return s;
    }
}
