package org.carnet.core.demo.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.carnet.core.demo.internal.Metadata.Attr;
import org.carnet.core.demo.internal.Metadata.Attribute;
import org.carnet.core.demo.internal.Metadata.Program;
import org.carnet.core.demo.internal.OrgUnitTree.Unit;
import org.carnet.core.demo.internal.Population.Enrollment;

/**
 * One tracked entity as DHIS2 prints it, in the old API's field names ({@code trackedEntityInstance},
 * {@code created}, {@code lastUpdated}, {@code enrollmentDate}…) or the new API's ({@code trackedEntity},
 * {@code createdAt}, {@code updatedAt}, {@code enrolledAt}…). Built whole, then cut by the {@code fields} filter.
 */
final class TrackerJson {
    private static final String STORED_BY = "agent.saisie";

    private final Population pop;
    private final boolean oldApi;
    private final ZoneId zone;

    TrackerJson(Population pop, boolean oldApi) {
        this.pop = pop;
        this.oldApi = oldApi;
        this.zone = pop.zone();
    }

    ObjectNode entity(int i, Program program, boolean includeDeleted) {
        String uid = pop.uidOf(i);
        Unit unit = pop.tree().get(pop.registrationUnit(i));
        String created = time(pop.createdAt(i));
        String updated = time(pop.updatedAtMillis(i));
        String typeUid = pop.metadata().trackedEntityTypeUid;
        ObjectNode o = Json.object();
        o.put(oldApi ? "trackedEntityInstance" : "trackedEntity", uid);
        o.put("trackedEntityType", typeUid);
        o.put(oldApi ? "created" : "createdAt", created);
        o.put("createdAtClient", created);
        o.put(oldApi ? "lastUpdated" : "updatedAt", updated);
        o.put(oldApi ? "lastUpdatedAtClient" : "updatedAtClient", updated);
        o.put("orgUnit", unit.uid());
        o.put("inactive", false);
        o.put("deleted", pop.deleted(i));
        o.put("potentialDuplicate", false);
        if (oldApi) {
            o.put("featureType", "NONE");
        }
        o.put("storedBy", STORED_BY);
        o.putArray("relationships");
        o.set("attributes", attributes(i, program));
        ArrayNode enrollments = o.putArray("enrollments");
        ArrayNode owners = Json.array();
        for (Program p : pop.metadata().programs) {
            if (!p.isTracker() || !p.dataRead() || !pop.inProgram(i, p.kind())
                    || !TrackerSearch.programVisible(pop, p, i)) {
                continue;
            }
            boolean any = false;
            for (Enrollment e : pop.enrollments(i)) {
                if (e.program() == p.kind() && (includeDeleted || !e.deleted())) {
                    enrollments.add(enrollment(i, uid, p, e));
                    any = true;
                }
            }
            if (any) {
                ObjectNode owner = owners.addObject();
                owner.put(oldApi ? "ownerOrgUnit" : "orgUnit", pop.tree().get(pop.owner(i, p.kind())).uid());
                owner.put("program", p.uid());
                owner.put(oldApi ? "trackedEntityInstance" : "trackedEntity", uid);
            }
        }
        o.set("programOwners", owners);
        return o;
    }

    private ArrayNode attributes(int i, Program program) {
        Map<Attr, String> values = EntityValues.of(pop, i);
        List<Attribute> shown = pop.metadata().attributesFor(program);
        String created = time(pop.createdAt(i));
        String updated = time(pop.updatedAtMillis(i));
        ArrayNode list = Json.array();
        for (Attribute a : shown) {
            String value = values.get(a.key());
            if (value == null) {
                continue;
            }
            boolean labResult = a.key() == Attr.HIV_VIRAL_LOAD || a.key() == Attr.HIV_CD4;
            boolean edited = pop.revision(i) > 0 && (a.key() == Attr.PHONE || a.key() == Attr.ADDRESS);
            String valueUpdated = labResult || edited ? updated : created;
            ObjectNode v = list.addObject();
            if (oldApi) {
                v.put("lastUpdated", valueUpdated);
                v.put("storedBy", STORED_BY);
                Json.put(v, "code", a.code());
                v.put("displayName", a.name());
                v.put("created", created);
                v.put("valueType", a.valueType());
                v.put("attribute", a.uid());
                v.put("value", value);
            } else {
                v.put("attribute", a.uid());
                Json.put(v, "code", a.code());
                v.put("displayName", a.name());
                v.put("createdAt", created);
                v.put("updatedAt", valueUpdated);
                v.put("storedBy", STORED_BY);
                v.put("valueType", a.valueType());
                v.put("value", value);
            }
        }
        return list;
    }

    private ObjectNode enrollment(int i, String entityUid, Program p, Enrollment e) {
        Unit unit = pop.tree().get(pop.registrationUnit(i));
        ObjectNode o = Json.object();
        o.put("enrollment", e.uid());
        o.put(oldApi ? "created" : "createdAt", time(e.createdAt()));
        o.put("createdAtClient", time(e.createdAt()));
        o.put(oldApi ? "lastUpdated" : "updatedAt", time(e.updatedAt()));
        o.put(oldApi ? "lastUpdatedAtClient" : "updatedAtClient", time(e.updatedAt()));
        if (oldApi) {
            o.put("trackedEntityType", pop.metadata().trackedEntityTypeUid);
            o.put("trackedEntityInstance", entityUid);
        } else {
            o.put("trackedEntity", entityUid);
        }
        o.put("program", p.uid());
        o.put("status", e.status());
        o.put("orgUnit", unit.uid());
        o.put("orgUnitName", unit.name());
        o.put(oldApi ? "enrollmentDate" : "enrolledAt", time(e.enrolledAt()));
        o.put(oldApi ? "incidentDate" : "occurredAt", time(e.occurredAt()));
        o.put(oldApi ? "followup" : "followUp", false);
        if (e.completedAt() > 0) {
            o.put("completedBy", STORED_BY);
            o.put(oldApi ? "completedDate" : "completedAt", time(e.completedAt()));
        }
        o.put("deleted", e.deleted());
        o.put("storedBy", STORED_BY);
        o.putArray("events");
        o.putArray("relationships");
        o.putArray("attributes");
        o.putArray("notes");
        return o;
    }

    private String time(long millis) {
        return Timestamps.format(millis, zone);
    }
}
