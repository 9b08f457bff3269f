package org.carnet.core.dhis2;

import java.net.URI;
import org.carnet.core.dhis2.internal.CertificateProbe;
import org.carnet.core.dhis2.internal.HttpDhis2Client;

/** Creates DHIS2 clients. The only way in to the OkHttp-based implementation. */
public final class Dhis2Clients {
    private Dhis2Clients() {
    }

    /** A client for the settings' server. Nothing is sent until a method is called. */
    public static Dhis2Client connect(ConnectionSettings settings) {
        return new HttpDhis2Client(settings);
    }

    /**
     * Reads the certificate an https server presents, without trusting it and without sending any request: what the
     * "trust this certificate" dialog shows.
     */
    public static CertificateInfo probeCertificate(URI baseUrl, java.time.Duration timeout) throws Dhis2Exception {
        return CertificateProbe.probe(baseUrl, timeout);
    }
}
