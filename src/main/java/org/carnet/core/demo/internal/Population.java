package org.carnet.core.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.carnet.core.demo.DemoDataset;
import org.carnet.core.demo.DemoProgramKind;
import org.carnet.core.demo.internal.OrgUnitTree.Unit;

/**
 * The tracked entities of the demo database, kept as a few compact arrays (about 30 bytes per entity); names,
 * attribute values and enrollments are derived from (seed, index) when an answer is written ({@link EntityValues},
 * {@link #enrollments(int)}).
 *
 * <p>Shape of the generated data: entities are created over three years in index order (= DHIS2's internal id
 * order); about 4 % re-register an earlier person with spelling variants; 1 % are soft-deleted, 1 % of enrollments
 * too; 3 % of HIV enrollments are owned by another org unit than the registering one. A block of consecutive
 * entities (38 %–60 % of the initial size) comes from a mass HIV screening campaign in Kaolack, a region of the
 * demo user's search scope but not of its capture scope: in the PROTECTED HIV program, queries over the search
 * scope get pages emptied by DHIS2's post-paging ownership filter.
 */
public final class Population implements DemoDataset {
    static final int DELETED = 1;
    static final int DUPLICATE = 2;
    static final int CAMPAIGN = 4;
    static final int ADDED = 8;

    private static final long DAY = TimeUnit.DAYS.toMillis(1);
    private static final long PURPOSE_ENTITY = 0x454E_5449L;
    private static final long PURPOSE_ENROLLMENT = 0x454E_524FL;
    private static final long PURPOSE_ADDED = 0x4144_4445L;
    private static final DemoProgramKind[] DATA_PROGRAMS = {
        DemoProgramKind.VACCINATION, DemoProgramKind.ANTENATAL_CARE, DemoProgramKind.HIV_CARE};
    private static final int[] FIRST_SLOT = {0, 1, 3};
    private static final String[] REGION_NAMES = {"Dakar", "Thiès", "Diourbel", "Kaolack", "Fatick", "Kaffrine",
        "Saint-Louis", "Louga", "Matam", "Tambacounda", "Kédougou", "Kolda", "Sédhiou", "Ziguinchor"};
    private static final double[] REGION_WEIGHTS = {0.30, 0.16, 0.12, 0.07, 0.05, 0.04, 0.05, 0.04, 0.03, 0.04,
        0.02, 0.03, 0.02, 0.03};

    /** One enrollment as DHIS2 would store it; times in epoch milliseconds. */
    record Enrollment(int slot, DemoProgramKind program, String uid, String status, long enrolledAt,
                      long occurredAt, long createdAt, long updatedAt, long completedAt, boolean deleted) {
    }

    private final long seed;
    private final Clock clock;
    private final ZoneId zone;
    private final Metadata metadata;
    private final OrgUnitTree tree;
    private final Persons persons;
    private final Uids entityUids;
    private final Uids enrollmentUids;
    private final boolean[] captureMask;
    private final boolean[] searchMask;
    private final List<Unit> captureUnits;
    private final List<Unit> searchUnits;
    private final List<List<Unit>> regionCommunes = new ArrayList<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private int size;
    private int personCount;
    private int nextPersonId;
    private int[] orgUnit;
    private long[] created;
    private long[] updated;
    private byte[] programs;
    private byte[] deletedEnrollments;
    private byte[] flags;
    private int[] person;
    private int[] revision;
    private final Map<Long, Integer> ownerOverrides = new HashMap<>();

    Population(long seed, int initialSize, Metadata metadata, OrgUnitTree tree, Clock clock) {
        this.seed = seed;
        this.clock = clock;
        this.zone = clock.getZone();
        this.metadata = metadata;
        this.tree = tree;
        LocalDate today = LocalDate.now(clock);
        this.persons = new Persons(seed, today);
        this.entityUids = new Uids(seed, "trackedEntity");
        this.enrollmentUids = new Uids(seed, "enrollment");
        List<Unit> capture = new ArrayList<>();
        SenegalGeography.CAPTURE_REGIONS.forEach(r -> capture.add(tree.byName(r, 2)));
        capture.add(1, tree.byName(SenegalGeography.NESTED_CAPTURE_DEPARTMENT, 3));
        this.captureUnits = List.copyOf(capture);
        List<Unit> search = new ArrayList<>();
        SenegalGeography.CAPTURE_REGIONS.forEach(r -> search.add(tree.byName(r, 2)));
        SenegalGeography.EXTRA_SEARCH_REGIONS.forEach(r -> search.add(tree.byName(r, 2)));
        this.searchUnits = List.copyOf(search);
        this.captureMask = tree.inside(captureUnits);
        this.searchMask = tree.inside(searchUnits);
        for (String r : REGION_NAMES) {
            regionCommunes.add(tree.communesIn(tree.byName(r, 2)));
        }
        allocate(Math.max(16, initialSize));
        generate(initialSize, today.atStartOfDay(zone).toInstant().toEpochMilli());
    }

    // ---------------------------------------------------------------- generation

    private void allocate(int capacity) {
        orgUnit = orgUnit == null ? new int[capacity] : Arrays.copyOf(orgUnit, capacity);
        created = created == null ? new long[capacity] : Arrays.copyOf(created, capacity);
        updated = updated == null ? new long[capacity] : Arrays.copyOf(updated, capacity);
        programs = programs == null ? new byte[capacity] : Arrays.copyOf(programs, capacity);
        deletedEnrollments = deletedEnrollments == null ? new byte[capacity]
                : Arrays.copyOf(deletedEnrollments, capacity);
        flags = flags == null ? new byte[capacity] : Arrays.copyOf(flags, capacity);
        person = person == null ? new int[capacity] : Arrays.copyOf(person, capacity);
        revision = revision == null ? new int[capacity] : Arrays.copyOf(revision, capacity);
    }

    private void generate(int n, long startOfToday) {
        long first = startOfToday - 3 * 365 * DAY;
        long last = startOfToday - DAY;
        int campaignStart = (int) (n * 0.38);
        int campaignEnd = (int) (n * 0.60);
        for (int i = 0; i < n; i++) {
            Hashing.Draws d = new Hashing.Draws(seed, i, PURPOSE_ENTITY);
            int flag = 0;
            int source = i >= 20 && d.chance(0.04) ? d.below(i) : -1;
            if (source >= 0) {
                person[i] = person[source];
                flag |= DUPLICATE;
            } else {
                person[i] = nextPersonId++;
                personCount++;
            }
            Persons.Person p = persons.get(person[i]);
            boolean campaign = i >= campaignStart && i < campaignEnd;
            if (campaign) {
                flag |= CAMPAIGN;
                orgUnit[i] = d.pick(regionCommunes.get(regionIndex(SenegalGeography.CAMPAIGN_REGION))).index();
            } else if (source >= 0 && d.chance(0.5)) {
                orgUnit[i] = orgUnit[source];
            } else {
                orgUnit[i] = d.pick(regionCommunes.get(pickRegion(d.unit()))).index();
            }
            programs[i] = choosePrograms(p, campaign, d);
            created[i] = first + (long) ((i + d.unit()) * (last - first) / n);
            double u = d.unit();
            updated[i] = created[i] + (long) (u * u * Math.max(0, startOfToday - 60_000 - created[i]));
            if (!campaign && d.chance(0.01)) {
                flag |= DELETED;
            }
            flags[i] = (byte) flag;
            size = i + 1;
            for (Enrollment e : enrollments(i)) {
                if (d.chance(0.012)) {
                    deletedEnrollments[i] |= (byte) (1 << e.slot());
                }
            }
            if (!campaign && (programs[i] & bit(DemoProgramKind.HIV_CARE)) != 0 && d.chance(0.03)) {
                transfer(i, DemoProgramKind.HIV_CARE, d.pick(regionCommunes.get(pickRegion(d.unit()))).index());
            }
        }
    }

    private static int regionIndex(String name) {
        return Arrays.asList(REGION_NAMES).indexOf(name);
    }

    private static int pickRegion(double u) {
        double acc = 0;
        for (int r = 0; r < REGION_WEIGHTS.length; r++) {
            acc += REGION_WEIGHTS[r];
            if (u < acc) {
                return r;
            }
        }
        return REGION_WEIGHTS.length - 1;
    }

    private static byte choosePrograms(Persons.Person p, boolean campaign, Hashing.Draws d) {
        int vac = bit(DemoProgramKind.VACCINATION);
        int cpn = bit(DemoProgramKind.ANTENATAL_CARE);
        int hiv = bit(DemoProgramKind.HIV_CARE);
        int bits;
        if (campaign) {
            bits = hiv | (p.womanOfChildbearingAge() && d.chance(0.3) ? cpn : 0);
        } else if (p.child()) {
            bits = d.chance(0.96) ? vac | (d.chance(0.02) ? hiv : 0) : hiv;
        } else if (p.womanOfChildbearingAge()) {
            double r = d.unit();
            if (r < 0.55) {
                bits = cpn | (d.chance(0.35) ? hiv : 0);
            } else if (r < 0.85) {
                bits = hiv | (d.chance(0.2) ? cpn : 0);
            } else {
                bits = vac | (d.chance(0.1) ? hiv : 0);
            }
        } else {
            bits = hiv;
        }
        return (byte) bits;
    }

    static int bit(DemoProgramKind kind) {
        return 1 << kind.ordinal();
    }

    // ---------------------------------------------------------------- reading (callers hold the read lock)

    /** Read lock for a whole request, so an answer never mixes states of the data. */
    ReentrantReadWriteLock.ReadLock readLock() {
        return lock.readLock();
    }

    int count() {
        return size;
    }

    ZoneId zone() {
        return zone;
    }

    Metadata metadata() {
        return metadata;
    }

    OrgUnitTree tree() {
        return tree;
    }

    long seed() {
        return seed;
    }

    String uidOf(int i) {
        return entityUids.of(i);
    }

    int indexOfUid(String uid) {
        long i = entityUids.indexOf(uid);
        return i >= 0 && i < size ? (int) i : -1;
    }

    boolean deleted(int i) {
        return (flags[i] & DELETED) != 0;
    }

    boolean duplicate(int i) {
        return (flags[i] & DUPLICATE) != 0;
    }

    boolean campaign(int i) {
        return (flags[i] & CAMPAIGN) != 0;
    }

    boolean added(int i) {
        return (flags[i] & ADDED) != 0;
    }

    int registrationUnit(int i) {
        return orgUnit[i];
    }

    long createdAt(int i) {
        return created[i];
    }

    long updatedAtMillis(int i) {
        return updated[i];
    }

    int revision(int i) {
        return revision[i];
    }

    Persons.Person person(int i) {
        return persons.get(person[i]);
    }

    boolean inProgram(int i, DemoProgramKind kind) {
        return (programs[i] & bit(kind)) != 0;
    }

    /** True when the entity has an enrollment in the program (a non-deleted one unless {@code withDeleted}). */
    boolean enrolled(int i, DemoProgramKind kind, boolean withDeleted) {
        if (!inProgram(i, kind)) {
            return false;
        }
        if (withDeleted) {
            return true;
        }
        for (Enrollment e : enrollments(i)) {
            if (e.program() == kind && !e.deleted()) {
                return true;
            }
        }
        return false;
    }

    /** The org unit owning the entity in a program (the registering one unless ownership was transferred). */
    int owner(int i, DemoProgramKind kind) {
        Integer o = ownerOverrides.get(key(i, kind));
        return o == null ? orgUnit[i] : o;
    }

    boolean inCaptureScope(int unit) {
        return captureMask[unit];
    }

    boolean inSearchScope(int unit) {
        return searchMask[unit];
    }

    List<Unit> captureUnits() {
        return captureUnits;
    }

    List<Unit> searchUnits() {
        return searchUnits;
    }

    /** The entity's enrollments in program order, derived from the seed and the stored deletion bits. */
    List<Enrollment> enrollments(int i) {
        List<Enrollment> list = new ArrayList<>(3);
        long c = created[i];
        long u = updated[i];
        boolean addedNow = added(i);
        for (int k = 0; k < DATA_PROGRAMS.length; k++) {
            DemoProgramKind kind = DATA_PROGRAMS[k];
            if (!inProgram(i, kind)) {
                continue;
            }
            Hashing.Draws d = new Hashing.Draws(seed, i, PURPOSE_ENROLLMENT + k);
            int n = addedNow || campaign(i) || kind == DemoProgramKind.VACCINATION ? 1
                    : kind == DemoProgramKind.ANTENATAL_CARE ? (d.chance(0.25) ? 2 : 1) : (d.chance(0.05) ? 2 : 1);
            for (int e = 0; e < n; e++) {
                int slot = FIRST_SLOT[k] + e;
                long createdAt = e == 0 ? c + d.below(300_000) : c + (long) ((0.3 + 0.6 * d.unit()) * (u - c));
                createdAt = Math.min(createdAt, u);
                long enrolledAt = startOfDay(createdAt);
                long occurredAt = switch (kind) {
                    case ANTENATAL_CARE -> enrolledAt - (28 + d.below(112)) * DAY;
                    case HIV_CARE -> enrolledAt - d.below(60) * DAY;
                    default -> enrolledAt;
                };
                String status = status(kind, n, e, addedNow, d);
                boolean latest = e == n - 1;
                long updatedAt = latest ? u : Math.min(u, createdAt + d.below(200) * DAY);
                long completedAt = status.equals("COMPLETED")
                        ? Math.min(updatedAt, enrolledAt + (1 + d.below(270)) * DAY) : 0;
                boolean gone = (deletedEnrollments[i] & (1 << slot)) != 0;
                list.add(new Enrollment(slot, kind, enrollmentUids.of((long) i * 8 + slot), status, enrolledAt,
                        occurredAt, createdAt, gone ? u : updatedAt, completedAt, gone));
            }
        }
        return list;
    }

    private static String status(DemoProgramKind kind, int n, int e, boolean addedNow, Hashing.Draws d) {
        double r = d.unit();
        if (addedNow) {
            return "ACTIVE";
        }
        if (n == 2) {
            if (e == 0) {
                return kind == DemoProgramKind.HIV_CARE ? "CANCELLED" : "COMPLETED";
            }
            return r < 0.7 ? "ACTIVE" : "COMPLETED";
        }
        return switch (kind) {
            case VACCINATION -> r < 0.75 ? "COMPLETED" : r < 0.95 ? "ACTIVE" : "CANCELLED";
            case ANTENATAL_CARE -> r < 0.60 ? "ACTIVE" : r < 0.95 ? "COMPLETED" : "CANCELLED";
            default -> r < 0.85 ? "ACTIVE" : r < 0.90 ? "COMPLETED" : "CANCELLED";
        };
    }

    private long startOfDay(long millis) {
        return Timestamps.local(millis, zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static long key(int i, DemoProgramKind kind) {
        return (long) i * 8 + kind.ordinal();
    }

    private void transfer(int i, DemoProgramKind kind, int unit) {
        if (unit == orgUnit[i]) {
            ownerOverrides.remove(key(i, kind));
        } else {
            ownerOverrides.put(key(i, kind), unit);
        }
    }

    // ---------------------------------------------------------------- DemoDataset (ground truth)

    @Override
    public int size() {
        return read(() -> size);
    }

    @Override
    public String entityUid(int index) {
        return read(() -> {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return entityUids.of(index);
        });
    }

    @Override
    public int indexOf(String entityUid) {
        return read(() -> indexOfUid(entityUid));
    }

    @Override
    public int personId(String entityUid) {
        return read(() -> person[require(entityUid)]);
    }

    @Override
    public int personCount() {
        return read(() -> personCount);
    }

    @Override
    public List<String> entitiesOfPerson(int personId) {
        return read(() -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (person[i] == personId) {
                    out.add(entityUids.of(i));
                }
            }
            return List.copyOf(out);
        });
    }

    @Override
    public String programUid(DemoProgramKind program) {
        return metadata.program(program).uid();
    }

    @Override
    public String trackedEntityTypeUid() {
        return metadata.trackedEntityTypeUid;
    }

    @Override
    public boolean isDeleted(String entityUid) {
        return read(() -> deleted(require(entityUid)));
    }

    @Override
    public boolean isEnrolled(String entityUid, DemoProgramKind program) {
        return read(() -> enrolled(require(entityUid), program, false));
    }

    @Override
    public List<String> enrollmentUids(String entityUid) {
        return read(() -> enrollments(require(entityUid)).stream().map(Enrollment::uid).toList());
    }

    @Override
    public List<String> enrollmentUids(String entityUid, DemoProgramKind program) {
        return read(() -> enrollments(require(entityUid)).stream().filter(e -> e.program() == program)
                .map(Enrollment::uid).toList());
    }

    @Override
    public boolean isEnrollmentDeleted(String enrollmentUid) {
        return read(() -> requireEnrollment(enrollmentUid).deleted());
    }

    @Override
    public String orgUnitUid(String entityUid) {
        return read(() -> tree.get(orgUnit[require(entityUid)]).uid());
    }

    @Override
    public String ownerOrgUnitUid(String entityUid, DemoProgramKind program) {
        return read(() -> {
            int i = require(entityUid);
            return inProgram(i, program) ? tree.get(owner(i, program)).uid() : null;
        });
    }

    @Override
    public LocalDateTime updatedAt(String entityUid) {
        return read(() -> Timestamps.local(updated[require(entityUid)], zone));
    }

    @Override
    public List<String> captureOrgUnitUids() {
        return captureUnits.stream().map(Unit::uid).toList();
    }

    @Override
    public List<String> searchOrgUnitUids() {
        return searchUnits.stream().map(Unit::uid).toList();
    }

    @Override
    public List<String> enrolledEntities(DemoProgramKind program) {
        return read(() -> select(program, false));
    }

    @Override
    public List<String> visibleEntities(DemoProgramKind program) {
        return read(() -> select(program, true));
    }

    private List<String> select(DemoProgramKind program, boolean captureOnly) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!deleted(i) && enrolled(i, program, false) && (!captureOnly || captureMask[owner(i, program)])) {
                out.add(entityUids.of(i));
            }
        }
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- DemoDataset (mutations)

    @Override
    public void update(String entityUid) {
        write(() -> {
            int i = require(entityUid);
            revision[i]++;
            updated[i] = now();
        });
    }

    @Override
    public void softDelete(String entityUid) {
        write(() -> {
            int i = require(entityUid);
            flags[i] |= DELETED;
            updated[i] = now();
        });
    }

    @Override
    public void softDeleteEnrollment(String enrollmentUid) {
        write(() -> {
            Enrollment e = requireEnrollment(enrollmentUid);
            int i = (int) (enrollmentUids.indexOf(enrollmentUid) / 8);
            deletedEnrollments[i] |= (byte) (1 << e.slot());
            updated[i] = now();
        });
    }

    @Override
    public List<String> addEntities(int count, DemoProgramKind program) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        if (program.ordinal() >= DATA_PROGRAMS.length) {
            throw new IllegalArgumentException("the demo database holds no entities in " + program);
        }
        List<String> out = new ArrayList<>();
        write(() -> {
            long now = now();
            for (int k = 0; k < count; k++) {
                if (size == orgUnit.length) {
                    allocate(size * 2);
                }
                int i = size;
                Hashing.Draws d = new Hashing.Draws(seed, i, PURPOSE_ADDED);
                int id = nextPersonId++;
                while (program == DemoProgramKind.ANTENATAL_CARE && !persons.get(id).womanOfChildbearingAge()) {
                    id = nextPersonId++;
                }
                person[i] = id;
                personCount++;
                String region = d.pick(SenegalGeography.CAPTURE_REGIONS);
                orgUnit[i] = d.pick(regionCommunes.get(regionIndex(region))).index();
                programs[i] = (byte) bit(program);
                created[i] = now;
                updated[i] = now;
                flags[i] = ADDED;
                size++;
                out.add(entityUids.of(i));
            }
        });
        return List.copyOf(out);
    }

    @Override
    public void transferOwnership(String entityUid, DemoProgramKind program, String orgUnitUid) {
        Unit target = tree.byUid(orgUnitUid);
        if (target == null) {
            throw new IllegalArgumentException("unknown org unit " + orgUnitUid);
        }
        write(() -> {
            int i = require(entityUid);
            if (!inProgram(i, program)) {
                throw new IllegalArgumentException("entity " + entityUid + " is not enrolled in " + program);
            }
            transfer(i, program, target.index());
        });
    }

    private long now() {
        return clock.millis();
    }

    private int require(String uid) {
        int i = indexOfUid(uid);
        if (i < 0) {
            throw new IllegalArgumentException("unknown tracked entity " + uid);
        }
        return i;
    }

    private Enrollment requireEnrollment(String uid) {
        long v = enrollmentUids.indexOf(uid);
        if (v >= 0 && v / 8 < size) {
            for (Enrollment e : enrollments((int) (v / 8))) {
                if (e.uid().equals(uid)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("unknown enrollment " + uid);
    }

    private <T> T read(java.util.function.Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(Runnable action) {
        lock.writeLock().lock();
        try {
            action.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
