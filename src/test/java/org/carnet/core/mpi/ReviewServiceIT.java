package org.carnet.core.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.carnet.core.common.AppException;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.model.Demographics;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.ExternalIdLink;
import org.carnet.core.registry.IdentityEvent;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.ReviewItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review queue, undoable links, splits, corrections and person search on a registry filled from FEBRL1. */
class ReviewServiceIT {
    private static final String PROGRAM = "legacy:febrl1";

    @TempDir
    Path dir;

    private Registry registry;
    private ReviewService review;

    @BeforeEach
    void fill() throws Exception {
        registry = Registries.create(dir.resolve("registry.db"), "baobab de Kaolack 1960".toCharArray(),
                Argon2Kdf.forTests(), AuditActor.current(AuditActor.Channel.CLI)).registry();
        Febrl febrl = new Febrl("febrl1.csv");
        MpiService.open(registry, "SN", new RegionCodes(Map.of())).resolveAll(febrl.records.stream()
                .map(f -> new MpiService.Request(f, PROGRAM, f.id())).toList());
        review = new ReviewService(registry);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void theQueueExplainsEachPairAndFiltersByBand() throws Exception {
        List<ReviewService.Item> items = review.list(ReviewService.Filter.OPEN, 1000);
        assertFalse(items.isEmpty());
        for (ReviewService.Item i : items) {
            assertTrue(i.score() >= 0.5 && i.score() < 0.95, String.valueOf(i.score()));
            assertFalse(i.fields().isEmpty(), "why they matched");
            assertTrue(i.fields().stream().anyMatch(f -> f.field().equals("LAST_NAME")));
            assertEquals(List.of(PROGRAM), i.programs());
        }
        for (int k = 1; k < items.size(); k++) {
            assertFalse(items.get(k).item().createdAt().isBefore(items.get(k - 1).item().createdAt()), "oldest first");
        }
        List<ReviewService.Item> high = review.list(new ReviewService.Filter(null, 0.9, 1, null, null), 1000);
        assertTrue(high.stream().allMatch(i -> i.score() >= 0.9));
        assertEquals(0, review.list(new ReviewService.Filter(null, 0, 1, "other-program", null), 10).size());
    }

    @Test
    void linkingMovesTheRecordsAndCanBeUndoneAndSeparationIsRemembered() throws Exception {
        ReviewService.Item item = review.list(ReviewService.Filter.OPEN, 1).get(0);
        String keep = item.b().identity().mpiId();
        String gone = item.a().identity().mpiId();
        int before = registry.externalIds(keep).size() + registry.externalIds(gone).size();
        assertThrows(AppException.class, () -> review.link(item.id(), keep, "  "), "a reason is required");
        assertThrows(AppException.class, () -> review.link(item.id(), "SN-XX-26-00000000", "same person really"));
        String merge = review.link(item.id(), keep, "Same father’s name and village");
        assertEquals(IdentityRecord.MERGED, registry.identityByMpiId(gone).orElseThrow().status());
        assertEquals(before, registry.externalIds(keep).size(), "the records follow the survivor");
        assertEquals(0, registry.externalIds(gone).size());
        assertEquals(ReviewItem.LINKED, registry.reviewItem(item.id()).orElseThrow().status());
        IdentityEvent ev = registry.identityHistory(keep).get(0);
        assertEquals(IdentityEvent.MERGED_IN, ev.kind());
        assertEquals(merge, ev.mergeId());
        assertThrows(AppException.class, () -> review.separate(item.id(), "changed my mind"), "already decided");

        review.undo(merge, "The DOB is 20 years apart: two people");
        assertEquals(IdentityRecord.ACTIVE, registry.identityByMpiId(gone).orElseThrow().status());
        assertTrue(registry.externalIds(gone).size() > 0, "its records came back");
        assertTrue(registry.separated(keep, gone), "never linked again unless a person says so");
        assertTrue(registry.identityHistory(keep).stream().anyMatch(IdentityEvent::undone));
        assertTrue(registry.verifyAudit().intact());
        assertTrue(registry.auditEntries(10).stream().anyMatch(e -> e.action().equals("mpi.unmerge")
                && e.reason().contains("20 years")));
    }

    @Test
    void separateAndDeferAndBulkDefer() throws Exception {
        List<ReviewService.Item> items = review.list(ReviewService.Filter.OPEN, 1000);
        ReviewService.Item first = items.get(0);
        review.separate(first.id(), "Twins: same parents, different first names");
        assertTrue(registry.separated(first.a().identity().mpiId(), first.b().identity().mpiId()));
        review.defer(items.get(1).id(), "Ask the health post");
        assertEquals(ReviewItem.DEFERRED, registry.reviewItem(items.get(1).id()).orElseThrow().status());
        List<String> rest = items.subList(2, items.size()).stream().map(ReviewService.Item::id).toList();
        assertEquals(rest.size(), review.deferAll(rest, "Field visit next week"));
        assertEquals(0, review.list(new ReviewService.Filter(ReviewItem.PENDING, 0, 1, null, null), 10).size());
        assertEquals((long) items.size() - 1, registry.reviewCounts().get(ReviewItem.DEFERRED));
    }

    @Test
    void splittingARecordOffAndCorrectingAnIdentity() throws Exception {
        ExternalIdLink link = null;
        String mpi = null;
        for (ReviewService.Item i : review.list(ReviewService.Filter.OPEN, 1000)) {
            for (ReviewService.Side s : List.of(i.a(), i.b())) {
                if (s.links().size() >= 2) {
                    link = s.links().get(1);
                    mpi = s.identity().mpiId();
                }
            }
        }
        if (link == null) {
            mpi = registry.identityByTei(PROGRAM, "rec-0-org").orElseThrow().mpiId();
            link = registry.externalIds(mpi).get(0);
        }
        MpiService mpiService = MpiService.open(registry, "SN", new RegionCodes(Map.of()));
        String created = mpiService.splitOff(link.programUid(), link.teiUid(), "Wrong automatic link: other mother");
        assertTrue(MpiId.isValid(created));
        assertEquals(created, registry.identityByTei(link.programUid(), link.teiUid()).orElseThrow().mpiId());
        assertTrue(registry.separated(created, mpi));
        assertTrue(registry.auditEntries(5).stream().anyMatch(e -> e.action().equals("mpi.register_forced")));

        IdentityRecord before = registry.identityByMpiId(created).orElseThrow();
        Demographics d = before.demographics();
        mpiService.correct(created, new Demographics("Aïssatou", d.lastName(), d.dateOfBirth(), "F", "+221771234567",
                d.district(), d.region(), d.commune()), "Name misspelt at registration");
        assertEquals("Aïssatou", registry.identityByMpiId(created).orElseThrow().demographics().firstName());
        assertEquals("corrected", registry.identityHistory(created).get(0).kind());
    }

    @Test
    void personSearchByNameVariantMpiIdTeiAndPhone() throws Exception {
        IdentityRecord someone = registry.identityByTei(PROGRAM, "rec-0-org").orElseThrow();
        PersonSearch search = new PersonSearch(registry, "SN");
        PersonSearch.Result byName = search.find(someone.demographics().firstName() + " "
                + someone.demographics().lastName());
        assertEquals(PersonSearch.Kind.NAME, byName.kind());
        assertTrue(byName.identities().stream().anyMatch(i -> i.mpiId().equals(someone.mpiId())));
        assertEquals(someone.mpiId(), search.find(someone.mpiId().toLowerCase(java.util.Locale.ROOT)).identities()
                .get(0).mpiId());
        String wrongCheck = someone.mpiId().substring(0, someone.mpiId().length() - 1)
                + (someone.mpiId().endsWith("A") ? "B" : "A");
        AppException bad = assertThrows(AppException.class, () -> search.find(wrongCheck));
        assertEquals("error.search.badMpiId", bad.messageKey());
        assertEquals(PersonSearch.Kind.TEI_UID, search.find("rec0org1234").kind());

        registry.saveIdentities(List.of(IdentityRecord.of("SN-DKR-26-" + "TESTPHON", new Demographics("Fatou", "Diallo",
                "1990-01-02", "F", "+221771234567", null, null), List.of())));
        Demographics jallow = new Demographics("Fatou", "Jallow", "1990-01-02", "F", null, null, null);
        assertTrue(search.find("Fatou Jallow").identities().stream().anyMatch(i -> i.demographics().lastName()
                .equals("Diallo")), "Jallow finds Diallo");
        assertEquals(1, search.find("77 123 45 67").identities().size());
        assertTrue(jallow.lastName().length() > 0);
    }
}
