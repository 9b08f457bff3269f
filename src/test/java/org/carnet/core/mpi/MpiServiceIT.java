package org.carnet.core.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carnet.core.common.AppException;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.model.Demographics;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.NewReviewItem;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryException;
import org.carnet.core.registry.ResolutionBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MPI on a real registry file: decisions, what they write, idempotence, training, recovery from a failed write. */
class MpiServiceIT {
    private static final char[] PASS = "tamarinier de Ziguinchor 7".toCharArray();
    private static final AuditActor ACTOR = AuditActor.current(AuditActor.Channel.CLI);
    private static final String PROGRAM = "IpHINAT79UW";

    @TempDir
    Path dir;

    private Registry registry;
    /** What the service handed to {@link Registry#saveResolutions}, in order. */
    private final List<ResolutionBatch> batches = new ArrayList<>();
    /** When set, the next saveResolutions fails with it (after being recorded). */
    private RegistryException failNext;

    @BeforeEach
    void create() throws Exception {
        // Values other tests' syncs registered with the global log masker would mask numbers in audit reasons.
        org.carnet.core.guard.Redactor.global().clearSensitive();
        registry = Registries.create(dir.resolve("registry.db"), PASS, Argon2Kdf.forTests(), ACTOR).registry();
    }

    @AfterEach
    void close() {
        registry.close();
    }

    /** The registry, with its batch writes recorded (and failed on demand). */
    private Registry watched() {
        return (Registry) Proxy.newProxyInstance(Registry.class.getClassLoader(), new Class<?>[] {Registry.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("saveResolutions")) {
                        batches.add((ResolutionBatch) args[0]);
                        if (failNext != null) {
                            RegistryException e = failNext;
                            failNext = null;
                            throw e;
                        }
                    }
                    try {
                        return method.invoke(registry, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private MpiService service() throws Exception {
        return MpiService.open(watched(), "SN", new RegionCodes(Map.of()));
    }

    private static List<MpiService.Request> requests(List<PersonFields> records, String program) {
        return records.stream().map(f -> new MpiService.Request(f, program, f.id())).toList();
    }

    private static PersonFields aminata(String id) {
        return new PersonFields(id, "Aminata", "Ndiaye-Kane", "1987-04-23", "F", "Pikine Est", "Pikine");
    }

    @Test
    void febrlRecordsResolveIntoPersonsWithReviewItemsForTheUncertainBand() throws Exception {
        Febrl febrl = new Febrl("febrl1.csv");
        MpiService mpi = service();
        List<MpiService.Resolution> res = mpi.resolveAll(requests(febrl.records, "legacy:febrl1"));
        assertEquals(2, batches.size(), "one transaction per 500 records");

        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> mpiOf = new HashMap<>();
        for (MpiService.Resolution r : res) {
            assertTrue(MpiId.isValid(r.mpiId()), r.mpiId());
            counts.merge(r.decision().name(), 1, Integer::sum);
            mpiOf.put(r.teiUid(), r.mpiId());
        }
        long identities = registry.stats().identities();
        assertEquals(counts.getOrDefault("NEW", 0) + counts.getOrDefault("REVIEW", 0), identities, counts.toString());
        // the shipped defaults (prior 1e-4, for larger registries) leave ~9 % of FEBRL1's duplicates apart
        assertTrue(identities >= 500 && identities <= 560, identities + " identities for 500 persons: " + counts);
        int sameIdForSamePerson = 0;
        for (PersonFields f : febrl.records) {
            String org = f.id().replaceAll("-dup-\\d+$", "-org");
            if (!org.equals(f.id()) && mpiOf.get(org).equals(mpiOf.get(f.id()))) {
                sameIdForSamePerson++;
            }
        }
        assertTrue(sameIdForSamePerson >= 450, sameIdForSamePerson + " of 500 duplicates share their original's id");

        int review = counts.getOrDefault("REVIEW", 0);
        assertTrue(review > 0, "FEBRL1 has records in the 0.75–0.95 band: " + counts);
        List<NewReviewItem> items = batches.stream().flatMap(b -> b.reviewItems().stream()).toList();
        assertTrue(items.size() >= review, items.size() + " review items for " + review + " reviews");
        assertEquals(items.size(), registry.stats().reviewItems(), "every item filed once, pending");
        ObjectMapper json = new ObjectMapper();
        for (NewReviewItem item : items) {
            JsonNode doc = json.readTree(item.explanation());
            assertTrue(List.of("review_band", "rival").contains(doc.get("reason").asText()), item.explanation());
            assertEquals(item.score(), doc.get("pair").get("probability").asDouble(), 1e-9);
            assertEquals(Field.ALL.length, doc.get("pair").get("fields").size());
            IdentityRecord a = registry.identityByMpiId(item.mpiIdA()).orElseThrow();
            for (String value : new String[] {a.demographics().firstName(), a.demographics().lastName(),
                    a.demographics().dateOfBirth(), a.demographics().commune()}) {
                assertTrue(value == null || value.length() < 4 || !item.explanation().contains(value),
                        "no personal value in the explanation");
            }
        }
        for (MpiService.Resolution r : res) {
            if (r.decision() == Decision.REVIEW) {
                assertTrue(r.probability() >= Decision.REVIEW_AT, r.toString());
                assertTrue(items.stream().anyMatch(i -> i.mpiIdA().equals(r.mpiId())
                        && Math.abs(i.score() - r.probability()) < 1e-9), "review item for " + r);
            }
        }

        // a new identity is found again through its blind-indexed blocking keys
        IdentityRecord first = registry.identityByMpiId(res.get(0).mpiId()).orElseThrow();
        String key = BlockingKeys.of(MatchRecord.of(febrl.records.get(0))).iterator().next();
        assertTrue(registry.identitiesByBlockingKey(key).stream().anyMatch(i -> i.mpiId().equals(first.mpiId())));
        assertEquals(1000L, registry.externalIdCounts().get("legacy:febrl1"));
    }

    @Test
    void anAlreadyLinkedRecordIsReturnedUnchanged() throws Exception {
        MpiService mpi = service();
        MpiService.Resolution first = mpi.resolve(aminata("TeiAminata1"), PROGRAM, "TeiAminata1");
        assertEquals(Decision.NEW, first.decision());
        assertFalse(first.alreadyLinked());
        int audit = registry.auditEntries(1000).size();

        PersonFields changed = new PersonFields("TeiAminata1", "Fatou", "Sow", "1950-01-01", "F", "Kolda", null);
        MpiService.Resolution again = mpi.resolve(changed, PROGRAM, "TeiAminata1");
        assertTrue(again.alreadyLinked());
        assertEquals(first.mpiId(), again.mpiId());
        assertEquals(1, registry.stats().identities());
        assertEquals(audit, registry.auditEntries(1000).size(), "nothing written");

        // the same record twice in one batch, and after re-opening
        List<MpiService.Resolution> twice = service().resolveAll(List.of(
                new MpiService.Request(changed, PROGRAM, "TeiFatou001"),
                new MpiService.Request(changed, PROGRAM, "TeiFatou001")));
        assertEquals(Decision.NEW, twice.get(0).decision());
        assertTrue(twice.get(1).alreadyLinked());
        assertEquals(twice.get(0).mpiId(), twice.get(1).mpiId());
        assertEquals(2, registry.stats().identities());
        assertEquals(first.mpiId(), registry.identityByTei(PROGRAM, "TeiAminata1").orElseThrow().mpiId());
    }

    @Test
    void theSamePersonFromAnotherProgramLinksToHerIdentity() throws Exception {
        loadBackground();
        MpiService mpi = service();
        MpiService.Resolution a = mpi.resolve(aminata("TeiAminata1"), PROGRAM, "TeiAminata1");
        MpiService.Resolution b = mpi.resolve(aminata("Xk3mB9qLp2w"), "ur1Edk5Oe2n", "Xk3mB9qLp2w");
        assertEquals(Decision.NEW, a.decision());
        assertEquals(Decision.LINKED, b.decision());
        assertEquals(a.mpiId(), b.mpiId());
        assertTrue(b.probability() >= Decision.LINK_AT);
        assertEquals(a.mpiId(), registry.identityByTei("ur1Edk5Oe2n", "Xk3mB9qLp2w").orElseThrow().mpiId());
        IdentityRecord stored = registry.identityByMpiId(a.mpiId()).orElseThrow();
        assertEquals(new Demographics("Aminata", "Ndiaye-Kane", "1987-04-23", "F", null, "Pikine", null,
                "Pikine Est"), stored.demographics());
        assertTrue(a.mpiId().startsWith("SN-PKN-"), "region derived from the district: " + a.mpiId());
    }

    @Test
    void twoIdentitiesOfOnePersonAreFiledForReviewOnce() throws Exception {
        loadBackground();
        Demographics twin = MpiService.demographics(aminata("x"));
        String one = MpiId.generate("SN", "PKN", 2026, new SecureRandom()).toString();
        String two = MpiId.generate("SN", "PKN", 2026, new SecureRandom()).toString();
        registry.saveIdentities(List.of(IdentityRecord.of(one, twin, List.of()), IdentityRecord.of(two, twin,
                List.of())));
        long pending = registry.stats().reviewItems();
        MpiService mpi = service();
        MpiService.Resolution r = mpi.resolve(aminata("TeiAminata1"), PROGRAM, "TeiAminata1");
        assertEquals(Decision.LINKED, r.decision());
        NewReviewItem item = batches.get(0).reviewItems().get(0);
        assertEquals(Set.of(one, two), Set.of(item.mpiIdA(), item.mpiIdB()));
        assertTrue(Set.of(one, two).contains(r.mpiId()));
        assertEquals("rival", new ObjectMapper().readTree(item.explanation()).get("reason").asText());
        assertEquals(pending + 1, registry.stats().reviewItems());
        mpi.resolve(aminata("TeiAminata2"), PROGRAM, "TeiAminata2");
        assertEquals(1, batches.get(1).reviewItems().size(), "the pair comes up again");
        assertEquals(pending + 1, registry.stats().reviewItems(), "but is filed once");
    }

    @Test
    void trainingIsStoredAndUsedByTheNextService() throws Exception {
        MpiService mpi = service();
        mpi.resolve(aminata("TeiAminata1"), PROGRAM, "TeiAminata1");
        MpiService.Training tooFew = mpi.train(42);
        assertFalse(tooFew.saved());
        assertEquals(1, tooFew.identities());
        assertTrue(registry.document(MpiService.MODEL_DOCUMENT).isEmpty());
        assertNull(mpi.stats().trainedAt());
        assertEquals("defaults", mpi.stats().model().source());

        mpi.resolveAll(requests(new Febrl("febrl1.csv").records, "legacy:febrl1"));
        MpiService.Training t = mpi.train(42);
        assertTrue(t.saved());
        assertEquals("trained", t.model().source());
        assertEquals(t.identities(), t.model().trainedOn());
        assertEquals(t.model(), mpi.model());
        assertTrue(registry.auditEntries(5).stream().anyMatch(a -> a.action().equals("document.saved")
                && a.resource().equals("document=" + MpiService.MODEL_DOCUMENT)
                && a.reason().startsWith("mpi model trained on " + t.identities())));

        MpiService reopened = service();
        assertEquals(t.model(), reopened.model());
        MpiService.Stats s = reopened.stats();
        assertNotNull(s.trainedAt());
        assertEquals(registry.stats().identities(), s.identities());
        assertEquals(Map.of(PROGRAM, 1L, "legacy:febrl1", 1000L), s.linkedByProgram());
        assertNotEquals(ModelTrainer.defaults(), reopened.model());
    }

    @Test
    void anUnreadableStoredModelIsAClearError() throws Exception {
        registry.saveDocument(MpiService.MODEL_DOCUMENT, "{\"model\":{\"lambda\":2}}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), null);
        AppException e = assertThrows(AppException.class, this::service);
        assertEquals("mpi.error.model", e.messageKey());
    }

    @Test
    void aFailedWriteLeavesNoTraceInTheIndex() throws Exception {
        loadBackground();
        MpiService mpi = service();
        failNext = new RegistryException("error.registry.diskFull", "full", "write");
        assertThrows(RegistryException.class, () -> mpi.resolve(aminata("TeiAminata1"), PROGRAM, "TeiAminata1"));
        assertTrue(registry.identityByTei(PROGRAM, "TeiAminata1").isEmpty());
        // Aminata is not in the index either: she is new again, and her id is saved for real this time
        MpiService.Resolution r = mpi.resolve(aminata("TeiAminata1"), PROGRAM, "TeiAminata1");
        assertEquals(Decision.NEW, r.decision());
        assertEquals(r.mpiId(), registry.identityByTei(PROGRAM, "TeiAminata1").orElseThrow().mpiId());
    }

    /** 500 distinct persons, so that term frequencies are those of a real registry. */
    private void loadBackground() throws Exception {
        List<PersonFields> originals = new Febrl("febrl1.csv").records.stream()
                .filter(f -> f.id().endsWith("-org")).toList();
        service().resolveAll(requests(originals, "legacy:background"));
        batches.clear();
    }
}
