package org.carnet.core.mpi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.carnet.core.common.AppException;
import org.carnet.core.registry.ExternalIdLink;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryException;
import org.carnet.core.registry.ReviewItem;

/**
 * The review queue: probable duplicates (0.75 ≤ p &lt; 0.95) with both identities side by side and why they matched
 * (each field's agreement level and weight), and the decisions: link (the survivor chosen; linked records and issued
 * cards follow it; undoable), keep separate (remembered: never queued again), defer. Every decision needs a reason,
 * written to the audit log.
 */
public final class ReviewService {
    /** The shortest reason accepted for a decision. */
    public static final int MIN_REASON_LENGTH = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One side of a pair: the identity and the records linked to it. */
    public record Side(IdentityRecord identity, List<ExternalIdLink> links) {
    }

    /** One field's comparison: the level reached and its weight (log2 m/u, term-frequency adjusted). */
    public record Comparison(String field, String level, double weight) {
        public boolean agrees() {
            return weight > 0;
        }
    }

    /**
     * An item with what a person needs to decide.
     *
     * @param kind {@code review_band} (a new record close to an identity) or {@code rival} (two identities close to
     *             the same record)
     */
    public record Item(ReviewItem item, Side a, Side b, List<Comparison> fields, String kind, boolean swapped) {
        public String id() {
            return item.id();
        }

        public double score() {
            return item.score();
        }

        /** The programs either side is linked in. */
        public List<String> programs() {
            List<String> out = new ArrayList<>();
            for (Side s : List.of(a, b)) {
                for (ExternalIdLink l : s.links()) {
                    if (!out.contains(l.programUid())) {
                        out.add(l.programUid());
                    }
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "Item[" + item.id() + "]";
        }
    }

    /** What to list: a status (null: pending and deferred), a probability band, a program, a district. */
    public record Filter(String status, double minScore, double maxScore, String programUid, String district) {
        public static final Filter OPEN = new Filter(null, 0, 1, null, null);

        boolean accepts(Item i) {
            if (i.score() < minScore || i.score() > maxScore) {
                return false;
            }
            if (programUid != null && !i.programs().contains(programUid)) {
                return false;
            }
            if (district != null && !district.isBlank()) {
                String want = district.strip().toLowerCase(Locale.ROOT);
                return List.of(i.a(), i.b()).stream().anyMatch(s -> s.identity().demographics() != null
                        && s.identity().demographics().district() != null
                        && s.identity().demographics().district().toLowerCase(Locale.ROOT).contains(want));
            }
            return true;
        }
    }

    private final Registry registry;

    public ReviewService(Registry registry) {
        this.registry = registry;
    }

    /** The items the filter accepts, oldest first, at most {@code limit}. */
    public List<Item> list(Filter filter, int limit) throws RegistryException {
        List<Item> out = new ArrayList<>();
        for (ReviewItem r : registry.reviewItems(filter.status(), 10_000)) {
            Item i = expand(r);
            if (i != null && filter.accepts(i)) {
                out.add(i);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    public Item item(String id) throws AppException {
        ReviewItem r = registry.reviewItem(id).orElseThrow(() -> new AppException("error.review.noItem",
                "no review item", id));
        Item i = expand(r);
        if (i == null) {
            throw new AppException("error.review.noItem", "review item without identities", id);
        }
        return i;
    }

    private Item expand(ReviewItem r) throws RegistryException {
        IdentityRecord a = registry.identityByMpiId(r.mpiIdA()).orElse(null);
        IdentityRecord b = registry.identityByMpiId(r.mpiIdB()).orElse(null);
        if (a == null || b == null) {
            return null;
        }
        List<Comparison> fields = new ArrayList<>();
        String kind = "review_band";
        boolean swapped = false;
        try {
            JsonNode doc = JSON.readTree(r.explanation());
            kind = doc.path("reason").asText(kind);
            JsonNode pair = doc.path("pair");
            swapped = pair.path("swapped").asBoolean(false);
            for (JsonNode f : pair.path("fields")) {
                fields.add(new Comparison(f.path("field").asText(), f.path("level").asText(),
                        f.path("weight").asDouble() + f.path("tfAdjustment").asDouble()));
            }
        } catch (IOException e) {
            fields = List.of();
        }
        return new Item(r, new Side(a, registry.externalIds(a.mpiId())), new Side(b, registry.externalIds(b.mpiId())),
                fields, kind, swapped);
    }

    /**
     * The reason of a decision, trimmed.
     *
     * @throws AppException when it is shorter than {@value #MIN_REASON_LENGTH} characters
     */
    public static String reason(String reason) throws AppException {
        String r = reason == null ? "" : reason.strip();
        if (r.length() < MIN_REASON_LENGTH) {
            throw new AppException("error.review.reason", "decision without a reason", MIN_REASON_LENGTH);
        }
        return r;
    }

    /**
     * Links the pair as one person; {@code keepMpiId} (one of the two) survives and the other is merged into it.
     *
     * @return the merge id (to undo it)
     */
    public String link(String itemId, String keepMpiId, String reason) throws AppException {
        String why = reason(reason);
        Item i = item(itemId);
        openOrThrow(i);
        String keep = keepMpiId == null ? i.a().identity().mpiId() : keepMpiId;
        String other;
        if (keep.equals(i.a().identity().mpiId())) {
            other = i.b().identity().mpiId();
        } else if (keep.equals(i.b().identity().mpiId())) {
            other = i.a().identity().mpiId();
        } else {
            throw new AppException("error.review.keep", "the kept id is not in the pair", keep);
        }
        return registry.mergeIdentities(itemId, keep, other, why);
    }

    public void separate(String itemId, String reason) throws AppException {
        String why = reason(reason);
        openOrThrow(item(itemId));
        registry.separateIdentities(itemId, why);
    }

    public void defer(String itemId, String reason) throws AppException {
        registry.deferReviewItem(itemId, reason(reason));
    }

    /** Defers several items with one reason; returns how many were deferred. */
    public int deferAll(List<String> itemIds, String reason) throws AppException {
        String why = reason(reason);
        int n = 0;
        for (String id : itemIds) {
            registry.deferReviewItem(id, why);
            n++;
        }
        return n;
    }

    /** Undoes a link (a merge), from an identity's history. */
    public void undo(String mergeId, String reason) throws AppException {
        registry.undoMerge(mergeId, reason(reason));
    }

    private static void openOrThrow(Item i) throws AppException {
        String s = i.item().status();
        if (!ReviewItem.PENDING.equals(s) && !ReviewItem.DEFERRED.equals(s)) {
            throw new AppException("error.review.decided", "already decided", i.id(), s);
        }
    }
}
