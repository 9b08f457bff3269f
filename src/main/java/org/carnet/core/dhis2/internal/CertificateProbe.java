package org.carnet.core.dhis2.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.carnet.core.dhis2.CertificateInfo;
import org.carnet.core.dhis2.Dhis2Exception;
import org.carnet.core.dhis2.Dhis2TlsException;
import org.carnet.core.dhis2.Dhis2UnreachableException;

/**
 * Reads the certificate a server presents during the TLS handshake and then aborts the handshake, so no HTTP request
 * is ever sent on the probe connection and nothing is trusted.
 */
public final class CertificateProbe {
    private CertificateProbe() {
    }

    public static CertificateInfo probe(URI baseUrl, Duration timeout) throws Dhis2Exception {
        String host = baseUrl.getHost();
        if (!"https".equalsIgnoreCase(baseUrl.getScheme())) {
            throw new Dhis2TlsException(Dhis2TlsException.Reason.HANDSHAKE, host, null, "not an https URL", null);
        }
        int port = baseUrl.getPort() < 0 ? 443 : baseUrl.getPort();
        AtomicReference<X509Certificate[]> seen = new AtomicReference<>();
        X509TrustManager capture = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("client certificates are not used");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                seen.set(chain.clone());
                throw new CertificateException("probe only: handshake aborted on purpose");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {capture}, null);
            try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket()) {
                int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
                socket.connect(new InetSocketAddress(host, port), millis);
                socket.setSoTimeout(millis);
                if (!host.matches("[0-9.]+") && !host.contains(":")) {
                    SSLParameters params = socket.getSSLParameters();
                    params.setServerNames(List.of(new SNIHostName(host.toLowerCase(Locale.ROOT))));
                    socket.setSSLParameters(params);
                }
                socket.startHandshake();
            } catch (SSLException expected) {
                // the capturing trust manager aborts every handshake
            }
        } catch (java.net.UnknownHostException e) {
            throw new Dhis2UnreachableException(Dhis2UnreachableException.Reason.UNKNOWN_HOST, host, "unknown host", e);
        } catch (java.net.SocketTimeoutException e) {
            throw new Dhis2UnreachableException(Dhis2UnreachableException.Reason.TIMEOUT, host, "probe timeout", e);
        } catch (java.net.ConnectException e) {
            throw new Dhis2UnreachableException(Dhis2UnreachableException.Reason.REFUSED, host, "probe refused", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new Dhis2TlsException(Dhis2TlsException.Reason.HANDSHAKE, host, null, "probe failed: "
                    + e.getClass().getSimpleName(), e);
        }
        X509Certificate[] chain = seen.get();
        if (chain == null || chain.length == 0) {
            throw new Dhis2TlsException(Dhis2TlsException.Reason.HANDSHAKE, host, null, "no certificate presented", null);
        }
        try {
            return CertificateInfo.of(chain[0]);
        } catch (CertificateException e) {
            throw new Dhis2TlsException(Dhis2TlsException.Reason.HANDSHAKE, host, null, "unreadable certificate", e);
        }
    }
}
