package org.carnet.core.dhis2;

import java.util.List;

/**
 * Which certificates Carnet trusts for one server, on top of the system trust store: certificates pinned by the admin
 * ("trust this certificate", typically a self-signed national server) and CA certificates imported from PEM. Never a
 * global "trust all"; host names are always verified.
 */
public record ServerTrust(List<CertificateInfo> pinned, List<CertificateInfo> authorities) {
    /** The system trust store only. */
    public static final ServerTrust SYSTEM = new ServerTrust(List.of(), List.of());

    public ServerTrust {
        pinned = pinned == null ? List.of() : List.copyOf(pinned);
        authorities = authorities == null ? List.of() : List.copyOf(authorities);
    }

    public boolean systemOnly() {
        return pinned.isEmpty() && authorities.isEmpty();
    }

    public ServerTrust withPinned(CertificateInfo cert) {
        List<CertificateInfo> p = new java.util.ArrayList<>(pinned);
        if (!p.contains(cert)) {
            p.add(cert);
        }
        return new ServerTrust(p, authorities);
    }

    public ServerTrust withAuthorities(List<CertificateInfo> cas) {
        List<CertificateInfo> a = new java.util.ArrayList<>(authorities);
        for (CertificateInfo c : cas) {
            if (!a.contains(c)) {
                a.add(c);
            }
        }
        return new ServerTrust(pinned, a);
    }
}
