package org.carnet.core.cards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.carnet.core.render.CardData;

/**
 * The hash of what a card prints about a person: identity, programme, place, enrollment date and the attribute values,
 * without the serial and the dates of issue. Two cards with the same hash print the same person data, so a sync that
 * changed nothing visible does not issue a new card.
 */
public final class CardPayload {
    private static final char SEP = '\u001f';

    private CardPayload() {
    }

    /** SHA-256 of the card's person data, in hex. */
    public static String hash(CardData d) {
        StringBuilder b = new StringBuilder(256);
        append(b, d.mpiId());
        append(b, d.firstName());
        append(b, d.lastName());
        append(b, d.dateOfBirth());
        append(b, d.sex());
        append(b, d.programName());
        append(b, d.healthCentre());
        append(b, d.district());
        append(b, d.enrolledOn());
        append(b, d.teiUid());
        for (Map.Entry<String, CardData.Attribute> e : d.attributes().entrySet()) {
            append(b, e.getKey());
            append(b, e.getValue().label());
            append(b, e.getValue().sensitive() ? "\u0000sensitive" : e.getValue().value());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    private static void append(StringBuilder b, Object v) {
        b.append(v == null ? "" : v.toString()).append(SEP);
    }
}
