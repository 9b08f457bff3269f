package org.carnet.core.dhis2.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.carnet.core.dhis2.CertificateInfo;
import org.carnet.core.dhis2.ServerTrust;

/**
 * Builds the TLS trust for one server: the platform's CA certificates plus the certificates the admin pinned or
 * imported for it. Certificate chains are still validated (PKIX) and host names still verified: nothing here trusts
 * all.
 */
final class TlsSetup {
    record Tls(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
    }

    private TlsSetup() {
    }

    /** Empty when the system trust store alone is wanted (OkHttp's default). */
    static Optional<Tls> forTrust(ServerTrust trust) throws GeneralSecurityException {
        if (trust.systemOnly()) {
            return Optional.empty();
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot create an empty key store", e);
        }
        int i = 0;
        for (X509Certificate ca : platformTrustManager().getAcceptedIssuers()) {
            store.setCertificateEntry("platform-" + i++, ca);
        }
        i = 0;
        for (CertificateInfo c : trust.pinned()) {
            store.setCertificateEntry("pinned-" + i++, c.toX509());
        }
        i = 0;
        for (CertificateInfo c : trust.authorities()) {
            store.setCertificateEntry("authority-" + i++, c.toX509());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        X509TrustManager tm = x509(tmf.getTrustManagers());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, null);
        return Optional.of(new Tls(ctx.getSocketFactory(), tm));
    }

    static X509TrustManager platformTrustManager() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return x509(tmf.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] managers) throws GeneralSecurityException {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager");
    }
}
