package org.carnet.app.cli.dhis2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.concurrent.Callable;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.core.common.AppException;
import org.carnet.core.connection.ConnectionService;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.dhis2.CertificateInfo;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2TlsException;
import org.carnet.core.registry.Registry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carnet connect --url URL (--user U --password-env VAR | --token-env VAR) [--ca-cert PEM]
 * [--trust-fingerprint SHA256] [--json]}: tests the connection, then saves it and the program list in the registry.
 * Secrets come from environment variables, never from arguments (process list, shell history).
 */
@Command(name = "connect")
final class ConnectCommand implements Callable<Integer> {
    @Option(names = "--url", required = true, descriptionKey = "cli.option.url")
    String url;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Auth auth;

    static final class Auth {
        @ArgGroup(exclusive = false)
        Password password;

        @Option(names = "--token-env", paramLabel = "VAR", descriptionKey = "cli.option.tokenEnv")
        String tokenEnv;
    }

    static final class Password {
        @Option(names = "--user", required = true, descriptionKey = "cli.option.user")
        String user;

        @Option(names = "--password-env", required = true, paramLabel = "VAR", descriptionKey = "cli.option.passwordEnv")
        String passwordEnv;
    }

    @Option(names = "--ca-cert", paramLabel = "PEM", descriptionKey = "cli.option.caCert")
    Path caCert;

    @Option(names = "--trust-fingerprint", paramLabel = "SHA256", descriptionKey = "cli.option.trustFingerprint")
    String trustFingerprint;

    @Option(names = "--json", descriptionKey = "cli.option.json")
    boolean json;

    private final CliContext ctx;

    ConnectCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Credentials credentials;
        if (auth.tokenEnv != null) {
            credentials = new Credentials.Token(secret(auth.tokenEnv));
        } else {
            credentials = new Credentials.Basic(auth.password.user, secret(auth.password.passwordEnv));
        }
        ConnectionSettings settings = ConnectionSettings.of(url, credentials);
        if (caCert != null) {
            settings = settings.withTrust(settings.trust().withAuthorities(readPem(caCert)));
        }
        try (Registry registry = RegistrySession.open(ctx)) {
            ConnectionService.Result r;
            try {
                r = new ConnectionService().connectAndSave(new ConnectionStore(registry), ConnectionStore.DEFAULT_ID,
                        settings, trustFingerprint);
            } catch (Dhis2TlsException e) {
                throw ConnectionOutput.untrusted(e);
            }
            ConnectionOutput.print(ctx, r.test(), r.settings().baseUrl().toString(), json);
            if (!json) {
                ctx.out().println(ctx.text("cli.connect.saved", r.programs().size()));
            }
        } finally {
            credentials.wipe();
        }
        return 0;
    }

    private char[] secret(String variable) throws AppException {
        String v = ctx.env().get(variable);
        if (v == null || v.isEmpty()) {
            throw new AppException("cli.connect.noSecret", "secret variable empty", variable);
        }
        return v.toCharArray();
    }

    private static java.util.List<CertificateInfo> readPem(Path file) throws AppException {
        try {
            return CertificateInfo.fromPem(Files.readString(file));
        } catch (IOException e) {
            throw new AppException("cli.connect.caUnreadable", "CA file unreadable", file);
        } catch (CertificateException e) {
            throw new AppException("cli.connect.caInvalid", "CA file invalid", file);
        }
    }
}
