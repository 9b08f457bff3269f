package org.carnet.core.connection;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.carnet.core.common.AppException;
import org.carnet.core.dhis2.CertificateInfo;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.ConnectionTest;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2Program;
import org.carnet.core.dhis2.OrgUnit;
import org.carnet.core.dhis2.OrgUnitTree;
import org.carnet.core.dhis2.ServerTrust;
import org.carnet.core.guard.ProgramGuard;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryException;

/**
 * Keeps connection profiles and the programs' metadata in the encrypted registry, so Carnet can map and design
 * offline. The DHIS2 client itself never touches the registry; this is the bridge.
 */
public final class ConnectionStore {
    /** The profile used when there is only one server. */
    public static final String DEFAULT_ID = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Registry registry;

    public ConnectionStore(Registry registry) {
        this.registry = registry;
    }

    static String secretName(String profileId) {
        return "dhis2." + profileId + ".secret";
    }

    /** Saves the settings (secret apart, encrypted) and what the test found. */
    public ConnectionProfile save(String id, ConnectionSettings settings, ConnectionTest test) throws AppException {
        ConnectionProfile.AuthMode mode;
        String username = null;
        char[] secret;
        if (settings.credentials() instanceof Credentials.Basic b) {
            mode = ConnectionProfile.AuthMode.PASSWORD;
            username = b.username();
            secret = b.password();
        } else {
            mode = ConnectionProfile.AuthMode.TOKEN;
            secret = ((Credentials.Token) settings.credentials()).token();
        }
        ConnectionProfile profile = new ConnectionProfile(id, settings.baseUrl().toString(), mode, username,
                der(settings.trust().pinned()), der(settings.trust().authorities()),
                test == null ? null : test.server().version().raw(),
                test == null ? null : test.server().serverDateText(),
                test == null ? null : test.user().username());
        byte[] secretBytes = utf8(secret);
        try {
            registry.putSecret(secretName(id), secretBytes);
            registry.saveConnectionProfile(id, JSON.writeValueAsBytes(profile));
        } catch (IOException e) {
            throw new IllegalStateException("profile not serialisable", e);
        } finally {
            Arrays.fill(secretBytes, (byte) 0);
            Arrays.fill(secret, '\0');
        }
        return profile;
    }

    public Optional<ConnectionProfile> profile(String id) throws RegistryException {
        Optional<byte[]> doc = registry.connectionProfile(id);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(doc.get(), ConnectionProfile.class));
        } catch (IOException e) {
            throw new RegistryException("error.connection.unreadable", "connection profile unreadable");
        }
    }

    /** The saved settings with their secret, ready for a client; empty when nothing was saved. */
    public Optional<ConnectionSettings> settings(String id) throws AppException {
        Optional<ConnectionProfile> p = profile(id);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        ConnectionProfile profile = p.get();
        byte[] secret = registry.secret(secretName(id)).orElseThrow(() -> new RegistryException(
                "error.connection.noSecret", "connection secret missing"));
        char[] chars = chars(secret);
        Arrays.fill(secret, (byte) 0);
        try {
            Credentials credentials = profile.authMode() == ConnectionProfile.AuthMode.PASSWORD
                    ? new Credentials.Basic(profile.username(), chars) : new Credentials.Token(chars);
            ServerTrust trust = new ServerTrust(certificates(profile.pinnedCertificates()),
                    certificates(profile.authorityCertificates()));
            return Optional.of(ConnectionSettings.of(profile.baseUrl(), credentials).withTrust(trust));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * Replaces the cached programs with the server's current list, each attribute judged by the sensitive-data guard
     * and the admin's decisions applied.
     *
     * @return the programs as cached
     */
    public List<ProgramInfo> savePrograms(List<Dhis2Program> programs) throws RegistryException {
        return new ProgramGuards(registry).refresh(programs);
    }

    /** The registry's form of the server's programs, judged by the classifier alone (nothing saved). */
    public static List<ProgramInfo> toProgramInfo(List<Dhis2Program> programs) {
        return ProgramGuards.judge(programs, ProgramGuard.standard());
    }

    /** The registry document holding the org unit hierarchy the user can see. */
    static final String ORG_UNITS = "dhis2.orgUnits";

    /** Replaces the cached org unit hierarchy (for health centre, commune and district names offline). */
    public void saveOrgUnits(List<OrgUnit> units) throws RegistryException {
        try {
            registry.saveDocument(ORG_UNITS, JSON.writeValueAsBytes(units), "orgunits.cached", "count=" + units.size(),
                    null);
        } catch (IOException e) {
            throw new IllegalStateException("org units not serialisable", e);
        }
    }

    /** The cached org unit hierarchy; empty when it was never fetched. */
    public Optional<OrgUnitTree> orgUnits() throws RegistryException {
        Optional<byte[]> doc = registry.document(ORG_UNITS);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OrgUnitTree(List.of(JSON.readValue(doc.get(), OrgUnit[].class))));
        } catch (IOException e) {
            throw new RegistryException("error.connection.unreadable", "cached org units unreadable");
        }
    }

    /** The cached programs with the guard's verdicts and the admin's decisions. */
    public List<ProgramInfo> programs() throws RegistryException {
        return new ProgramGuards(registry).programs();
    }

    private static List<String> der(List<CertificateInfo> certs) {
        return certs.stream().map(c -> Base64.getEncoder().encodeToString(c.der())).toList();
    }

    private static List<CertificateInfo> certificates(List<String> der) throws RegistryException {
        List<CertificateInfo> out = new ArrayList<>();
        for (String d : der) {
            try {
                out.add(CertificateInfo.of(Base64.getDecoder().decode(d)));
            } catch (CertificateException | IllegalArgumentException e) {
                throw new RegistryException("error.connection.unreadable", "saved certificate unreadable");
            }
        }
        return out;
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = Arrays.copyOf(b.array(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    private static char[] chars(byte[] utf8) {
        CharBuffer c = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] out = Arrays.copyOf(c.array(), c.limit());
        Arrays.fill(c.array(), '\0');
        return out;
    }
}
