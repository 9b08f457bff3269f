package org.carnet.core.render;

/**
 * What a card's QR code carries. One provider for every template and output, so that the content changes in one place
 * (a signed Claim 169 payload will replace the plain one).
 */
@FunctionalInterface
public interface QrPayload {

    /** The current payload: {@code CN1:<card serial>:<MPI id>}, upper case so the QR uses alphanumeric mode. */
    QrPayload SERIAL_AND_MPI_ID = data -> "CN1:" + (data.cardSerial() == null ? "" : data.cardSerial()) + ":"
            + (data.mpiId() == null ? "" : data.mpiId());

    String content(CardData data);
}
