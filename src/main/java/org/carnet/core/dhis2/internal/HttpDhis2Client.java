package org.carnet.core.dhis2.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carnet.core.dhis2.ApiStrategy;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.ConnectionTest;
import org.carnet.core.dhis2.CurrentUser;
import org.carnet.core.dhis2.Dhis2Attribute;
import org.carnet.core.dhis2.Dhis2AuthenticationException;
import org.carnet.core.dhis2.Dhis2Client;
import org.carnet.core.dhis2.Dhis2Exception;
import org.carnet.core.dhis2.Dhis2ForbiddenException;
import org.carnet.core.dhis2.Dhis2MalformedReplyException;
import org.carnet.core.dhis2.Dhis2NotDhis2Exception;
import org.carnet.core.dhis2.Dhis2Program;
import org.carnet.core.dhis2.Dhis2RequestRejectedException;
import org.carnet.core.dhis2.Dhis2Time;
import org.carnet.core.dhis2.Dhis2UnsupportedVersionException;
import org.carnet.core.dhis2.Dhis2Version;
import org.carnet.core.dhis2.DownloadRequest;
import org.carnet.core.dhis2.DownloadSummary;
import org.carnet.core.dhis2.EnrollmentPreview;
import org.carnet.core.dhis2.OrgUnit;
import org.carnet.core.dhis2.PageHandler;
import org.carnet.core.dhis2.ServerInfo;
import org.carnet.core.dhis2.TrackedEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The OkHttp + Jackson implementation of {@link Dhis2Client}. */
public final class HttpDhis2Client implements Dhis2Client {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDhis2Client.class);
    static final String ME_FIELDS = "id,username,displayName,name,authorities,programs,"
            + "organisationUnits[id,path,displayName,level],teiSearchOrganisationUnits[id,path,displayName,level]";
    /** Up to 2.37 the username lives only in {@code userCredentials}; 2.42 removed that object from /me. */
    static final String ME_FIELDS_WITH_CREDENTIALS = ME_FIELDS + ",userCredentials[username]";
    static final String PROGRAM_FIELDS = "id,name,displayName,shortName,code,programType,accessLevel,"
            + "trackedEntityType[id,displayName],access[read,data[read]],"
            + "programTrackedEntityAttributes[id,displayInList,mandatory,searchable,sortOrder,"
            + "trackedEntityAttribute[id,code,displayName,name,shortName,valueType,unique,confidential,"
            + "optionSetValue,optionSet[id]]]";
    private static final int OPTION_SET_BATCH = 40;
    private static final int MIN_SLOW_PAGE_SIZE = 25;
    /** Stops a server that keeps announcing a next page forever. */
    private static final int MAX_PAGES = 1_000_000;
    static final String ORG_UNIT_FIELDS = "id,code,path,displayName,level";
    static final int ORG_UNIT_PAGE_SIZE = 1000;
    /** Per walk of {@code /api/organisationUnits}: 200,000 units, more than any national instance. */
    static final int MAX_ORG_UNIT_PAGES = 200;
    /** Above this many roots, one walk of every unit (kept locally by path) costs fewer requests than one per root. */
    static final int MAX_FILTERED_ROOTS = 20;

    private final ConnectionSettings settings;
    private final ObjectMapper mapper;
    private final Transport transport;
    private volatile ServerInfo lastInfo;

    public HttpDhis2Client(ConnectionSettings settings) {
        this(settings, Backoff.THREAD_SLEEP);
    }

    HttpDhis2Client(ConnectionSettings settings, Backoff.Sleeper sleeper) {
        this.settings = settings;
        this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.transport = new Transport(settings, mapper, sleeper);
    }

    Transport transport() {
        return transport;
    }

    @Override
    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public ServerInfo serverInfo() throws Dhis2Exception {
        JsonNode node;
        try {
            node = transport.get("system/info", Query::of, mapper::readTree);
        } catch (Dhis2AuthenticationException e) {
            throw transport.refineForToken(e);
        } catch (Transport.NotJsonException e) {
            throw new Dhis2NotDhis2Exception(settings.baseUrl().toString(), "system/info answered " + e.contentType());
        } catch (Dhis2RequestRejectedException e) {
            if (e.status() == 404) {
                throw new Dhis2NotDhis2Exception(settings.baseUrl().toString(), "system/info answered 404");
            }
            throw e;
        } catch (Dhis2MalformedReplyException e) {
            throw new Dhis2NotDhis2Exception(settings.baseUrl().toString(), "system/info is not valid JSON");
        }
        if (node == null || !node.isObject() || !node.hasNonNull("version")) {
            throw new Dhis2NotDhis2Exception(settings.baseUrl().toString(), "system/info without version");
        }
        String rawVersion = node.get("version").asText();
        Dhis2Version version = Dhis2Version.parse(rawVersion).orElseThrow(
                () -> new Dhis2NotDhis2Exception(settings.baseUrl().toString(), "unreadable version"));
        String zone = text(node, "serverTimeZoneId");
        ZoneId zoneId = zone(zone);
        String dateText = text(node, "serverDate");
        LocalDateTime serverDate = Dhis2Time.parse(dateText, zoneId).orElse(null);
        ServerInfo info = new ServerInfo(version, text(node, "revision"), serverDate, dateText, zone,
                text(node, "systemName"), text(node, "calendar"));
        lastInfo = info;
        return info;
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private ServerInfo supportedInfo() throws Dhis2Exception {
        ServerInfo info = serverInfo();
        if (!info.version().supported()) {
            throw new Dhis2UnsupportedVersionException(info.version().raw());
        }
        return info;
    }

    @Override
    public CurrentUser currentUser() throws Dhis2Exception {
        ServerInfo info = lastInfo;
        String fields = info != null && info.version().major() == 2 && info.version().minor() >= 42 ? ME_FIELDS
                : ME_FIELDS_WITH_CREDENTIALS;
        Wire.Me me = json("me", () -> Query.of().add("fields", fields), Wire.Me.class);
        String username = me.username() != null ? me.username()
                : me.userCredentials() != null ? me.userCredentials().username() : null;
        List<String> programs = new ArrayList<>();
        if (me.programs() != null) {
            for (Object p : me.programs()) {
                if (p instanceof String s) {
                    programs.add(s);
                } else if (p instanceof Map<?, ?> m && m.get("id") instanceof String s) {
                    programs.add(s);
                }
            }
        }
        return new CurrentUser(me.id(), username, me.displayName() != null ? me.displayName() : me.name(),
                units(me.organisationUnits()), units(me.teiSearchOrganisationUnits()), programs,
                me.authorities() == null ? List.of() : me.authorities());
    }

    private static List<OrgUnit> units(List<Wire.Unit> units) {
        List<OrgUnit> out = new ArrayList<>();
        if (units != null) {
            for (Wire.Unit u : units) {
                if (u != null && u.id() != null) {
                    out.add(new OrgUnit(u.id(), u.path() == null ? "/" + u.id() : u.path(),
                            u.displayName() != null ? u.displayName() : u.name(), u.level() == null ? 0 : u.level()));
                }
            }
        }
        return out;
    }

    @Override
    public ConnectionTest testConnection() throws Dhis2Exception {
        ServerInfo info = supportedInfo();
        CurrentUser user = currentUser();
        Wire.Programs programs = json("programs", () -> Query.of().add("paging", "false")
                .add("filter", "programType:eq:WITH_REGISTRATION")
                .add("fields", "id,programType,access[read,data[read]]"), Wire.Programs.class);
        int count = (int) readable(programs).count();
        return new ConnectionTest(info, user, count);
    }

    private static java.util.stream.Stream<Wire.Program> readable(Wire.Programs programs) {
        if (programs.programs() == null) {
            return java.util.stream.Stream.empty();
        }
        return programs.programs().stream().filter(p -> p != null && p.id() != null)
                .filter(p -> p.programType() == null || "WITH_REGISTRATION".equals(p.programType()))
                .filter(p -> p.access() == null || p.access().data() == null
                        || !Boolean.FALSE.equals(p.access().data().read()));
    }

    @Override
    public List<Dhis2Program> programs() throws Dhis2Exception {
        Wire.Programs wire = json("programs", () -> Query.of().add("paging", "false")
                .add("filter", "programType:eq:WITH_REGISTRATION").add("fields", PROGRAM_FIELDS), Wire.Programs.class);
        List<Wire.Program> kept = readable(wire).toList();
        Map<String, List<Dhis2Attribute.Option>> options = optionSets(kept);
        List<Dhis2Program> out = new ArrayList<>();
        for (Wire.Program p : kept) {
            List<Wire.ProgramAttribute> pas = new ArrayList<>(p.programTrackedEntityAttributes() == null ? List.of()
                    : p.programTrackedEntityAttributes());
            pas.removeIf(pa -> pa == null || pa.trackedEntityAttribute() == null
                    || pa.trackedEntityAttribute().id() == null);
            pas.sort(Comparator.comparing(pa -> pa.sortOrder() == null ? Integer.MAX_VALUE : pa.sortOrder()));
            List<Dhis2Attribute> attrs = new ArrayList<>();
            for (Wire.ProgramAttribute pa : pas) {
                Wire.TrackedEntityAttribute a = pa.trackedEntityAttribute();
                String optionSet = a.optionSet() == null ? null : a.optionSet().id();
                attrs.add(new Dhis2Attribute(a.id(), blankToNull(a.code()),
                        a.displayName() != null ? a.displayName() : a.name(), a.shortName(), a.valueType(), optionSet,
                        optionSet == null ? List.of() : options.getOrDefault(optionSet, List.of()),
                        Boolean.TRUE.equals(a.confidential()), Boolean.TRUE.equals(a.unique()),
                        Boolean.TRUE.equals(pa.mandatory()), Boolean.TRUE.equals(pa.displayInList())));
            }
            out.add(new Dhis2Program(p.id(), p.displayName() != null ? p.displayName() : p.name(), p.shortName(),
                    blankToNull(p.code()), p.accessLevel(),
                    p.trackedEntityType() == null ? null : p.trackedEntityType().id(), attrs));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Map<String, List<Dhis2Attribute.Option>> optionSets(List<Wire.Program> programs) throws Dhis2Exception {
        List<String> ids = new ArrayList<>();
        for (Wire.Program p : programs) {
            if (p.programTrackedEntityAttributes() == null) {
                continue;
            }
            for (Wire.ProgramAttribute pa : p.programTrackedEntityAttributes()) {
                if (pa != null && pa.trackedEntityAttribute() != null && pa.trackedEntityAttribute().optionSet() != null) {
                    String id = pa.trackedEntityAttribute().optionSet().id();
                    if (id != null && DownloadRequest.UID.matcher(id).matches() && !ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
        }
        Map<String, List<Dhis2Attribute.Option>> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += OPTION_SET_BATCH) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + OPTION_SET_BATCH));
            Wire.OptionSets sets = json("optionSets", () -> Query.of().add("paging", "false")
                    .add("fields", "id,options[code,displayName,name]")
                    .add("filter", "id:in:[" + String.join(",", batch) + "]"), Wire.OptionSets.class);
            if (sets.optionSets() == null) {
                continue;
            }
            for (Wire.OptionSet set : sets.optionSets()) {
                if (set == null || set.id() == null) {
                    continue;
                }
                List<Dhis2Attribute.Option> opts = new ArrayList<>();
                if (set.options() != null) {
                    for (Wire.Option o : set.options()) {
                        if (o != null && o.code() != null) {
                            opts.add(new Dhis2Attribute.Option(o.code(),
                                    o.displayName() != null ? o.displayName() : o.name()));
                        }
                    }
                }
                out.put(set.id(), opts);
            }
        }
        return out;
    }

    @Override
    public List<OrgUnit> orgUnits() throws Dhis2Exception {
        return orgUnits(ORG_UNIT_PAGE_SIZE);
    }

    /** {@link #orgUnits()} with another page size (tests). */
    List<OrgUnit> orgUnits(int pageSize) throws Dhis2Exception {
        int size = Math.max(1, pageSize);
        CurrentUser user = currentUser();
        List<OrgUnit> scope = new ArrayList<>(user.captureOrgUnits());
        scope.addAll(user.searchOrgUnits());
        List<OrgUnit> roots = scopeRoots(scope);
        Map<String, OrgUnit> found = new LinkedHashMap<>();
        int pages = 0;
        if (roots.size() <= MAX_FILTERED_ROOTS) {
            for (OrgUnit root : roots) {
                pages += walkOrgUnits(root.id(), size, roots, found);
            }
        } else if (!roots.isEmpty()) {
            pages += walkOrgUnits(null, size, roots, found);
        }
        LOG.info("organisation units: {} under {} roots in {} pages", found.size(), roots.size(), pages);
        return List.copyOf(found.values());
    }

    /** The user's org units with no ancestor also in the list, deduplicated; only well-formed uids. */
    private static List<OrgUnit> scopeRoots(List<OrgUnit> units) {
        List<OrgUnit> roots = new ArrayList<>();
        for (OrgUnit u : units) {
            if (u.id() == null || !DownloadRequest.UID.matcher(u.id()).matches()) {
                continue;
            }
            boolean covered = roots.stream().anyMatch(r -> r.id().equals(u.id()) || u.within(r))
                    || units.stream().anyMatch(o -> o.id() != null && !o.id().equals(u.id())
                            && DownloadRequest.UID.matcher(o.id()).matches() && u.within(o));
            if (!covered) {
                roots.add(u);
            }
        }
        return roots;
    }

    /**
     * Pages through {@code /api/organisationUnits} (below {@code rootUid}, or everything when null), keeping the
     * units within {@code roots}. Stops on the last page, an empty page, a page with nothing new, or after
     * {@link #MAX_ORG_UNIT_PAGES}. Returns the number of pages read.
     */
    private int walkOrgUnits(String rootUid, int pageSize, List<OrgUnit> roots, Map<String, OrgUnit> found)
            throws Dhis2Exception {
        String path = "organisationUnits";
        java.util.Set<String> seen = new java.util.HashSet<>();
        int page = 1;
        while (true) {
            int requested = page;
            OrgUnitPage reply;
            try {
                reply = transport.get(path, () -> {
                    Query q = Query.of();
                    if (rootUid != null) {
                        q.add("filter", "path:like:" + rootUid);
                    }
                    return q.add("fields", ORG_UNIT_FIELDS).add("pageSize", pageSize).add("page", requested);
                }, in -> OrgUnitPage.read(in, mapper));
            } catch (Transport.NotJsonException e) {
                throw new Dhis2MalformedReplyException("/api/" + path, "non-JSON answer " + e.contentType(), null);
            } catch (Dhis2AuthenticationException e) {
                throw transport.refineForToken(e);
            }
            boolean fresh = false;
            for (OrgUnit u : reply.units()) {
                if (seen.add(u.id())) {
                    fresh = true;
                }
                if (inScope(u, reply.pathless().contains(u.id()), rootUid, roots)) {
                    found.putIfAbsent(u.id(), u);
                }
            }
            if (transport.cancelled()) {
                throw new org.carnet.core.dhis2.Dhis2CancelledException();
            }
            if (reply.rawCount() == 0 || !reply.mayHaveMore(requested, pageSize)) {
                return page;
            }
            if (!fresh) {
                LOG.warn("/api/{} page {} brought no new unit; the server ignores paging, stopping", path, page);
                return page;
            }
            if (page >= MAX_ORG_UNIT_PAGES) {
                LOG.warn("/api/{}: stopped after {} pages ({} units)", path, page, seen.size());
                return page;
            }
            page++;
        }
    }

    /**
     * Whether a unit lies within one of the roots, judged by path. A unit without a real path is trusted to match the
     * server-side {@code path:like:} filter when there was one, and dropped otherwise.
     */
    private static boolean inScope(OrgUnit u, boolean pathless, String rootUid, List<OrgUnit> roots) {
        if (pathless) {
            return rootUid != null || roots.stream().anyMatch(r -> r.id().equals(u.id()));
        }
        List<String> segments = List.of(u.path().split("/"));
        return roots.stream().anyMatch(r -> segments.contains(r.id()));
    }

    @Override
    public EnrollmentPreview enrollmentPreview(String programUid, int limit) throws Dhis2Exception {
        DownloadRequest.requireUid(programUid);
        int size = Math.max(1, Math.min(ConnectionSettings.MAX_PAGE_SIZE, limit));
        ApiStrategy strategy = supportedInfo().version().strategy();
        List<String> roots = roots(List.of());
        TrackerPage page = trackerPage(strategy, () -> TrackerQueries.trackedEntities(strategy, programUid, roots,
                null, null, 1, size, true));
        long total = page.total() != null ? page.total()
                : page.pageCount() != null && page.pageCount() == 1 ? page.entities().size() : -1;
        List<TrackedEntity> live = page.entities().stream().filter(e -> !e.deleted()).toList();
        return new EnrollmentPreview(programUid, total, live);
    }

    private List<String> roots(List<String> requested) throws Dhis2Exception {
        if (!requested.isEmpty()) {
            return requested;
        }
        List<String> roots = currentUser().rootCaptureOrgUnits().stream().map(OrgUnit::id)
                .filter(id -> DownloadRequest.UID.matcher(id).matches()).toList();
        if (roots.isEmpty()) {
            throw new Dhis2ForbiddenException("/api/me", "no data capture organisation unit");
        }
        return roots;
    }

    @Override
    public <E extends Exception> DownloadSummary download(DownloadRequest request, PageHandler<E> handler)
            throws Dhis2Exception, E {
        ServerInfo info = supportedInfo();
        ApiStrategy strategy = info.version().strategy();
        List<String> roots = roots(request.orgUnits());
        ZoneId zone = zone(info.timeZoneId());
        Paging paging = new Paging(settings.pageSize());
        paging.offset = request.startOffset() - request.startOffset() % paging.size;
        Map<String, LocalDateTime> seen = new HashMap<>();
        long delivered = 0;
        long duplicates = 0;
        int pages = 0;
        while (pages < MAX_PAGES) {
            boolean askCount = paging.expected < 0 && !strategy.pagesByNextPage() && pages == 0;
            TrackerPage page = trackerPage(strategy, new Transport.QuerySource() {
                @Override
                public Query query() {
                    return TrackerQueries.trackedEntities(strategy, request.programUid(), roots,
                            request.updatedAfter(), request.enrolledAfter(), paging.pageNumber(), paging.size,
                            askCount);
                }

                @Override
                public void serverWasSlow() {
                    paging.shrink();
                }
            });
            pages++;
            if (paging.expected < 0) {
                if (page.total() != null) {
                    paging.expected = page.total();
                } else if (page.pageCount() != null) {
                    paging.expected = (long) page.pageCount() * (page.pageSize() != null ? page.pageSize() : paging.size);
                }
            }
            List<TrackedEntity> fresh = new ArrayList<>(page.entities().size());
            for (TrackedEntity e : page.entities()) {
                LocalDateTime updated = Dhis2Time.parse(e.updatedAt(), zone).orElse(LocalDateTime.MIN);
                LocalDateTime before = seen.get(e.uid());
                if (before == null || updated.isAfter(before)) {
                    seen.put(e.uid(), updated);
                    fresh.add(e);
                } else {
                    duplicates++;
                }
            }
            int raw = page.entities().size();
            paging.advance();
            handler.onPage(pages, fresh, paging.expected, paging.offset);
            delivered += fresh.size();
            if (transport.cancelled()) {
                throw new org.carnet.core.dhis2.Dhis2CancelledException();
            }
            if (strategy.pagesByNextPage() && page.pagerPresent()) {
                if (page.nextPage() == null) {
                    break;
                }
            } else if (paging.expected >= 0) {
                if (paging.offset >= paging.expected) {
                    break;
                }
            } else if (raw == 0) {
                break;
            }
        }
        LOG.info("downloaded program {}: {} pages, {} tracked entities, {} repeats skipped", request.programUid(),
                pages, delivered, duplicates);
        return new DownloadSummary(info.serverDate(), pages, delivered, duplicates, paging.size);
    }

    /** Page position by offset, so the page size can shrink after gateway timeouts without skipping rows. */
    private static final class Paging {
        int size;
        long offset;
        long expected = -1;

        Paging(int size) {
            this.size = size;
        }

        int pageNumber() {
            return (int) (offset / size) + 1;
        }

        void advance() {
            offset += size;
        }

        void shrink() {
            int half = size / 2;
            if (size % 2 == 0 && half >= MIN_SLOW_PAGE_SIZE && offset % half == 0) {
                LOG.info("server slow: page size {} -> {}", size, half);
                size = half;
            }
        }
    }

    private TrackerPage trackerPage(ApiStrategy strategy, Transport.QuerySource source) throws Dhis2Exception {
        String path = TrackerQueries.path(strategy);
        try {
            return transport.get(path, source, in -> TrackerPage.read(in, mapper));
        } catch (Transport.NotJsonException e) {
            throw new Dhis2MalformedReplyException("/api/" + path, "non-JSON answer " + e.contentType(), null);
        } catch (Dhis2AuthenticationException e) {
            throw transport.refineForToken(e);
        }
    }

    private <T> T json(String path, Transport.QuerySource source, Class<T> type) throws Dhis2Exception {
        try {
            T value = transport.get(path, source, in -> mapper.readValue(in, type));
            if (value == null) {
                throw new Dhis2MalformedReplyException("/api/" + path, "empty reply", null);
            }
            return value;
        } catch (Transport.NotJsonException e) {
            throw new Dhis2MalformedReplyException("/api/" + path, "non-JSON answer " + e.contentType(), null);
        } catch (Dhis2AuthenticationException e) {
            throw transport.refineForToken(e);
        }
    }

    /** The server info of the last successful call, if any. */
    public java.util.Optional<ServerInfo> lastServerInfo() {
        return java.util.Optional.ofNullable(lastInfo);
    }

    @Override
    public void cancel() {
        transport.cancel();
    }

    @Override
    public void close() {
        transport.close();
    }

    static Map<String, String> describe(Query q) {
        Map<String, String> m = new LinkedHashMap<>();
        q.params().forEach(p -> m.put(p.name(), p.value()));
        return m;
    }
}
