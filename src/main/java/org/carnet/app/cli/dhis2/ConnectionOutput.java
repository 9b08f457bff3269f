package org.carnet.app.cli.dhis2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carnet.app.cli.CliContext;
import org.carnet.core.common.AppException;
import org.carnet.core.dhis2.CertificateInfo;
import org.carnet.core.dhis2.ConnectionTest;
import org.carnet.core.dhis2.Dhis2TlsException;
import org.carnet.core.dhis2.OrgUnit;

/** How connection results are printed: JSON for scripts, translated lines for people. */
final class ConnectionOutput {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConnectionOutput() {
    }

    static void print(CliContext ctx, ConnectionTest t, String url, boolean json) throws Exception {
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("status", "connected");
            root.put("url", url);
            root.put("dhis2_version", t.server().version().raw());
            root.put("server_date", t.server().serverDateText());
            root.put("server_time_zone", t.server().timeZoneId());
            root.put("programmes_available", t.programmesAvailable());
            root.put("user", t.user().username());
            List<Map<String, Object>> units = new ArrayList<>();
            for (OrgUnit u : t.orgUnits()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", u.id());
                m.put("name", u.displayName());
                m.put("path", u.path());
                units.add(m);
            }
            root.put("org_units", units);
            ctx.out().println(JSON.writeValueAsString(root));
            return;
        }
        ctx.out().println(ctx.text("cli.connect.ok", url));
        ctx.out().println(ctx.text("cli.connect.version", t.server().version().raw()));
        ctx.out().println(ctx.text("cli.connect.serverDate", t.server().serverDateText(),
                t.server().timeZoneId() == null ? "?" : t.server().timeZoneId()));
        ctx.out().println(ctx.text("cli.connect.user", t.user().username()));
        ctx.out().println(ctx.text("cli.connect.programs", t.programmesAvailable()));
        ctx.out().println(ctx.text("cli.connect.orgUnits", String.join(", ",
                t.orgUnits().stream().map(u -> u.displayName() == null ? u.id() : u.displayName()).toList())));
        if (t.server().version().newerThanTested()) {
            ctx.out().println(ctx.text("cli.connect.newerVersion", t.server().version().raw()));
        }
    }

    /** An untrusted certificate, said with the way to trust it. */
    static AppException untrusted(Dhis2TlsException e) {
        CertificateInfo c = e.certificate().orElse(null);
        if (c == null || e.reason() != Dhis2TlsException.Reason.UNTRUSTED) {
            return e;
        }
        return new AppException("cli.connect.untrusted", e.getMessage(), e.args()[0], c.sha256Fingerprint(),
                c.subject(), c.notAfter().toString(), CertificateInfo.normalizeFingerprint(c.sha256Fingerprint()));
    }
}
