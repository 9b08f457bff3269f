package org.carnet.core.demo.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;
import org.carnet.core.demo.internal.Metadata.Attribute;
import org.carnet.core.demo.internal.Metadata.OptionSet;
import org.carnet.core.demo.internal.Metadata.Program;
import org.carnet.core.demo.internal.Metadata.ProgramAttribute;
import org.carnet.core.demo.internal.OrgUnitTree.Unit;

/** JSON trees of the metadata endpoints, shaped per version like the captured fixtures. */
final class MetadataJson {
    static final String CREATED = "2021-03-02T09:14:27.512";
    static final String LAST_UPDATED = "2024-11-18T16:03:51.208";

    private final Population pop;
    private final Metadata md;
    private final VersionRules rules;
    private final String systemName;
    private final Clock clock;

    MetadataJson(Population pop, VersionRules rules, String systemName, Clock clock) {
        this.pop = pop;
        this.md = pop.metadata();
        this.rules = rules;
        this.systemName = systemName;
        this.clock = clock;
    }

    /** {@code /api/system/info} as a non-superuser sees it (no java/os/database details). */
    ObjectNode systemInfo(String contextPath, String userAgent) {
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        long nowMillis = now.toEpochMilli();
        long analytics = nowMillis - Duration.ofHours(3).plusMinutes(17).plusSeconds(42).toMillis();
        ObjectNode o = Json.object();
        o.put("contextPath", contextPath);
        Json.put(o, "userAgent", userAgent);
        o.put("calendar", "iso8601");
        o.put("dateFormat", "yyyy-mm-dd");
        o.put("serverDate", Timestamps.format(nowMillis, zone));
        o.put("serverTimeZoneId", zone.getId());
        o.put("serverTimeZoneDisplayName", TimeZone.getTimeZone(zone).getDisplayName(false, TimeZone.LONG,
                Locale.ENGLISH));
        o.put("lastAnalyticsTableSuccess", Timestamps.format(analytics, zone));
        o.put("intervalSinceLastAnalyticsTableSuccess", "3 h, 17 m, 42 s");
        o.put("lastAnalyticsTableRuntime", "00:02:31.406");
        o.put("lastSystemMonitoringSuccess", "2023-05-09T11:26:08.914");
        if (rules.systemInfoDatabaseInfoFirst()) {
            databaseInfo(o, nowMillis, zone);
            if (rules.systemInfoHasCapability()) {
                o.putObject("capability").put("analyticsTotalCounts", false);
            }
        }
        o.put("version", rules.version().toString());
        o.put("revision", revision());
        o.put("buildTime", buildTime());
        if (rules.systemInfoHasLegacyKeys()) {
            o.put("jasperReportsVersion", "6.3.1");
            o.put("environmentVariable", "DHIS2_HOME");
        }
        if (!rules.systemInfoDatabaseInfoFirst()) {
            databaseInfo(o, nowMillis, zone);
        }
        o.put("encryption", false);
        o.put("emailConfigured", false);
        o.put("redisEnabled", false);
        o.put("systemId", new UUID(Hashing.mix(pop.seed(), "systemId"), Hashing.mix(pop.seed(), "systemId2"))
                .toString());
        o.put("systemName", systemName);
        if (rules.systemInfoHasLegacyKeys()) {
            o.put("clusterHostname", "");
        }
        o.put("isMetadataVersionEnabled", true);
        if (rules.systemInfoHasLegacyKeys()) {
            o.put("metadataSyncEnabled", false);
        }
        if (rules.systemInfoHasCapability()) {
            o.put("sessionTimeout", 3600);
        }
        return o;
    }

    private void databaseInfo(ObjectNode o, long nowMillis, ZoneId zone) {
        ObjectNode db = o.putObject("databaseInfo");
        db.put("spatialSupport", true);
        if (rules.systemInfoDatabaseInfoFirst()) {
            db.put("time", Timestamps.format(nowMillis, zone));
        }
    }

    private String revision() {
        return String.format(Locale.ROOT, "%07x", Hashing.mix(7, rules.version().toString()) & 0xFFFFFFFL);
    }

    private String buildTime() {
        var v = rules.version();
        Instant base = Instant.parse("2021-04-12T10:00:00Z").plus(Duration.ofDays(200L * (v.minor() - 36)))
                .plus(Duration.ofDays(21L * v.patch() + v.hotfix()));
        return Timestamps.format(base.toEpochMilli(), ZoneId.of("UTC"));
    }

    /** {@code /api/loginConfig} (public, 2.41+). */
    ObjectNode loginConfig() {
        ObjectNode o = Json.object();
        o.put("applicationTitle", systemName);
        o.put("applicationDescription", "Serveur de démonstration de Carnet (données fictives)");
        o.put("applicationNotification", "");
        o.put("applicationLeftSideFooter", "");
        o.put("applicationRightSideFooter", "");
        o.put("countryFlag", "senegal");
        o.put("uiLocale", "fr");
        o.put("loginPageLogo", "/api/staticContent/logo_front.png");
        o.put("topMenuLogo", "/api/staticContent/logo_banner.png");
        o.put("style", "light_blue/light_blue.css");
        o.putArray("oidcProviders");
        o.put("selfRegistrationEnabled", false);
        o.put("selfRegistrationNoRecaptcha", false);
        o.put("emailConfigured", false);
        o.put("allowAccountRecovery", false);
        o.put("useCustomLogoFront", false);
        o.put("useCustomLogoBanner", false);
        o.put("loginPageLayout", "DEFAULT");
        o.put("apiVersion", rules.version().toString());
        o.put("minPasswordLength", "8");
        o.put("maxPasswordLength", "72");
        return o;
    }

    /** {@code /api/me} of {@code username}: username placement per version, org units with path and level. */
    ObjectNode me(String username) {
        ObjectNode o = Json.object();
        o.put("created", CREATED);
        o.put("lastUpdated", LAST_UPDATED);
        o.put("id", md.userUid);
        if (rules.meHasTopLevelUsername()) {
            o.put("username", username);
        }
        String name = Metadata.DEMO_USER_FIRST_NAME + " " + Metadata.DEMO_USER_SURNAME;
        o.put("name", name);
        o.put("displayName", name);
        o.put("firstName", Metadata.DEMO_USER_FIRST_NAME);
        o.put("surname", Metadata.DEMO_USER_SURNAME);
        o.put("email", username + "@demo.carnet.invalid");
        o.put("twoFactorEnabled", false);
        ObjectNode role = Json.object();
        role.put("id", md.userRoleUid);
        role.put("name", "Superviseur Tracker (lecture)");
        role.put("displayName", "Superviseur Tracker (lecture)");
        if (rules.meHasTopLevelUsername()) {
            o.putArray("userRoles").add(role.deepCopy());
        }
        if (rules.meHasUserCredentials()) {
            ObjectNode cred = o.putObject("userCredentials");
            cred.put("id", md.userCredentialsUid);
            cred.put("username", username);
            cred.put("created", CREATED);
            cred.put("lastUpdated", LAST_UPDATED);
            cred.put("lastLogin", Timestamps.format(clock.millis(), clock.getZone()));
            cred.putArray("userRoles").add(role.deepCopy());
        }
        o.set("organisationUnits", units(pop.captureUnits()));
        o.set("teiSearchOrganisationUnits", units(pop.searchUnits()));
        o.set("dataViewOrganisationUnits", units(List.of(pop.tree().root())));
        ArrayNode programs = o.putArray("programs");
        md.programs.stream().filter(Program::dataRead).forEach(p -> programs.add(p.uid()));
        ArrayNode authorities = o.putArray("authorities");
        Metadata.AUTHORITIES.forEach(authorities::add);
        ObjectNode settings = o.putObject("settings");
        settings.put("keyUiLocale", "fr");
        settings.put("keyDbLocale", "fr");
        return o;
    }

    private ArrayNode units(List<Unit> list) {
        ArrayNode a = Json.array();
        list.forEach(u -> a.add(orgUnit(u)));
        return a;
    }

    /** One org unit with the properties clients ask for. */
    ObjectNode orgUnit(Unit u) {
        ObjectNode o = Json.object();
        o.put("id", u.uid());
        o.put("name", u.name());
        o.put("displayName", u.name());
        o.put("shortName", u.name());
        o.put("code", u.code());
        o.put("level", u.level());
        o.put("path", u.path());
        if (u.parent() >= 0) {
            Unit parent = pop.tree().get(u.parent());
            o.putObject("parent").put("id", parent.uid()).put("displayName", parent.name());
        }
        o.put("openingDate", "1960-04-04T00:00:00.000");
        o.put("created", u.created());
        o.put("lastUpdated", u.lastUpdated());
        return o;
    }

    ObjectNode orgUnitLevel(int level) {
        ObjectNode o = Json.object();
        String name = OrgUnitTree.LEVEL_NAMES.get(level - 1);
        o.put("id", Uids.named(pop.seed(), "ouLevel:" + level));
        o.put("name", name);
        o.put("displayName", name);
        o.put("level", level);
        o.put("created", CREATED);
        o.put("lastUpdated", CREATED);
        return o;
    }

    ObjectNode program(Program p) {
        ObjectNode o = Json.object();
        o.put("id", p.uid());
        o.put("name", p.name());
        o.put("displayName", p.name());
        o.put("shortName", p.shortName());
        o.put("displayShortName", p.shortName());
        o.put("code", p.code());
        o.put("created", CREATED);
        o.put("lastUpdated", LAST_UPDATED);
        o.put("version", p.version());
        o.put("programType", p.isTracker() ? "WITH_REGISTRATION" : "WITHOUT_REGISTRATION");
        o.put("accessLevel", p.accessLevel());
        if (p.isTracker()) {
            o.put("onlyEnrollOnce", p.onlyEnrollOnce());
            o.put("displayIncidentDate", true);
            Json.put(o, "enrollmentDateLabel", p.enrollmentDateLabel());
            Json.put(o, "incidentDateLabel", p.incidentDateLabel());
            o.put("minAttributesRequiredToSearch", 0);
            o.put("maxTeiCountToReturn", 0);
            o.putObject("trackedEntityType").put("id", md.trackedEntityTypeUid).put("displayName", "Personne");
        }
        ObjectNode access = o.putObject("access");
        access.put("manage", false).put("externalize", false).put("write", false).put("read", true)
                .put("update", false).put("delete", false);
        access.putObject("data").put("read", p.dataRead()).put("write", false);
        ArrayNode ptea = o.putArray("programTrackedEntityAttributes");
        for (ProgramAttribute pa : p.attributes()) {
            ObjectNode a = ptea.addObject();
            a.put("id", pa.uid());
            a.put("displayName", p.name() + " " + pa.attribute().name());
            a.put("displayInList", pa.displayInList());
            a.put("mandatory", pa.mandatory());
            a.put("searchable", pa.searchable());
            a.put("sortOrder", pa.sortOrder());
            a.put("valueType", pa.attribute().valueType());
            a.put("allowFutureDate", false);
            a.set("trackedEntityAttribute", attribute(pa.attribute()));
        }
        return o;
    }

    private ObjectNode attribute(Attribute a) {
        ObjectNode o = Json.object();
        o.put("id", a.uid());
        Json.put(o, "code", a.code());
        o.put("name", a.name());
        o.put("displayName", a.name());
        o.put("shortName", a.shortName());
        o.put("displayShortName", a.shortName());
        o.put("valueType", a.valueType());
        o.put("unique", a.unique());
        o.put("confidential", a.confidential());
        o.put("optionSetValue", a.optionSet() != null);
        if (a.optionSet() != null) {
            o.putObject("optionSet").put("id", a.optionSet().uid());
        }
        return o;
    }

    ObjectNode optionSet(OptionSet s) {
        ObjectNode o = Json.object();
        o.put("id", s.uid());
        o.put("name", s.name());
        o.put("displayName", s.name());
        o.put("code", s.code());
        o.put("valueType", "TEXT");
        o.put("created", CREATED);
        o.put("lastUpdated", CREATED);
        ArrayNode options = o.putArray("options");
        int order = 1;
        for (Metadata.Option opt : s.options()) {
            ObjectNode x = options.addObject();
            x.put("id", opt.uid());
            x.put("code", opt.code());
            x.put("name", opt.name());
            x.put("displayName", opt.name());
            x.put("sortOrder", order++);
        }
        return o;
    }
}
