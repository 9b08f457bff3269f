package org.carnet.ui.review;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.carnet.core.mpi.MpiService;
import org.carnet.core.mpi.PersonSearch;
import org.carnet.core.mpi.RegionCodes;
import org.carnet.core.mpi.ReviewService;
import org.carnet.core.registry.ExternalIdLink;
import org.carnet.core.registry.IdentityEvent;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.uikit.TaskRunner;

/**
 * State of the Review Queue tab: the filtered items, the selected pair, the decision's reason, the counts; and the
 * person search with the chosen identity's records and history. No JavaFX controls.
 */
public final class ReviewViewModel {
    /** Probability bands of the filter. */
    public enum Band {
        ALL(0, 1), HIGH(0.90, 1), MIDDLE(0.85, 0.90), LOW(0.0, 0.85);

        final double min;
        final double max;

        Band(double min, double max) {
            this.min = min;
            this.max = max;
        }
    }

    /** An identity's detail for the search pane. */
    public record Detail(IdentityRecord identity, List<ExternalIdLink> records, List<IdentityEvent> history) {
    }

    private final TaskRunner tasks;
    private final ObservableValue<Registry> registry;
    private final ObservableList<ReviewService.Item> items = FXCollections.observableArrayList();
    private final ObjectProperty<ReviewService.Item> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "pending");
    private final ObjectProperty<Band> band = new SimpleObjectProperty<>(this, "band", Band.ALL);
    private final ObjectProperty<ProgramInfo> program = new SimpleObjectProperty<>(this, "program");
    private final StringProperty district = new SimpleStringProperty(this, "district", "");
    private final ObservableList<ProgramInfo> programs = FXCollections.observableArrayList();
    private final ObjectProperty<java.util.Map<String, Long>> counts = new SimpleObjectProperty<>(java.util.Map.of());
    private final ObjectProperty<Throwable> error = new SimpleObjectProperty<>(this, "error");
    private final StringProperty notice = new SimpleStringProperty(this, "notice");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<IdentityRecord> found = FXCollections.observableArrayList();
    private final ObjectProperty<Detail> detail = new SimpleObjectProperty<>(this, "detail");

    public ReviewViewModel(TaskRunner tasks, ObservableValue<Registry> registry) {
        this.tasks = tasks;
        this.registry = registry;
        registry.addListener((o, a, b) -> load());
    }

    /** Reloads the queue with the current filters. */
    public void load() {
        Registry r = registry.getValue();
        if (r == null) {
            items.clear();
            return;
        }
        ReviewService.Filter f = new ReviewService.Filter(status.get(), band.get().min, band.get().max,
                program.get() == null ? null : program.get().uid(), district.get());
        String keep = selected.get() == null ? null : selected.get().id();
        tasks.run("review-load", p -> new Loaded(new ReviewService(r).list(f, 500), r.reviewCounts(), r.programs()),
                l -> {
                    items.setAll(l.items());
                    counts.set(l.counts());
                    if (programs.size() != l.programs().size()) {
                        programs.setAll(l.programs());
                    }
                    selected.set(items.stream().filter(i -> i.id().equals(keep)).findFirst()
                            .orElse(items.isEmpty() ? null : items.get(0)));
                }, error::set);
    }

    private record Loaded(List<ReviewService.Item> items, java.util.Map<String, Long> counts,
            List<ProgramInfo> programs) {
    }

    private void decided(String noticeKey) {
        int index = items.indexOf(selected.get());
        reason.set("");
        error.set(null);
        notice.set(noticeKey);
        items.remove(selected.get());
        selected.set(items.isEmpty() ? null : items.get(Math.min(Math.max(0, index), items.size() - 1)));
        load();
    }

    /** Links the selected pair; {@code keepLeft} chooses which MPI id survives. */
    public void link(boolean keepLeft) {
        ReviewService.Item i = selected.get();
        Registry r = registry.getValue();
        if (i == null || r == null) {
            return;
        }
        String keep = keepLeft ? i.a().identity().mpiId() : i.b().identity().mpiId();
        String why = reason.get();
        tasks.run("review-link", p -> new ReviewService(r).link(i.id(), keep, why), id -> decided("review.notice.linked"),
                error::set);
    }

    public void separate() {
        ReviewService.Item i = selected.get();
        Registry r = registry.getValue();
        if (i == null || r == null) {
            return;
        }
        String why = reason.get();
        tasks.run("review-separate", p -> {
            new ReviewService(r).separate(i.id(), why);
            return Boolean.TRUE;
        }, ok -> decided("review.notice.separated"), error::set);
    }

    public void defer() {
        ReviewService.Item i = selected.get();
        Registry r = registry.getValue();
        if (i == null || r == null) {
            return;
        }
        String why = reason.get();
        tasks.run("review-defer", p -> {
            new ReviewService(r).defer(i.id(), why);
            return Boolean.TRUE;
        }, ok -> decided("review.notice.deferred"), error::set);
    }

    /** Defers every item shown, with the reason typed. */
    public void deferAll() {
        Registry r = registry.getValue();
        if (r == null || items.isEmpty()) {
            return;
        }
        List<String> ids = items.stream().map(ReviewService.Item::id).toList();
        String why = reason.get();
        tasks.run("review-defer-all", p -> new ReviewService(r).deferAll(ids, why), n -> {
            reason.set("");
            notice.set("review.notice.deferredAll");
            load();
        }, error::set);
    }

    /** Moves the selection ({@code +1} next, {@code -1} previous). */
    public void move(int delta) {
        if (items.isEmpty()) {
            return;
        }
        int i = Math.max(0, items.indexOf(selected.get()));
        selected.set(items.get(Math.floorMod(i + delta, items.size())));
    }

    public void search() {
        Registry r = registry.getValue();
        if (r == null) {
            return;
        }
        String q = query.get();
        tasks.run("person-find", p -> new PersonSearch(r, "SN").find(q), res -> {
            error.set(null);
            found.setAll(res.identities());
            detail.set(null);
            notice.set(res.identities().isEmpty() ? "review.search.none" : null);
        }, error::set);
    }

    public void open(IdentityRecord i) {
        Registry r = registry.getValue();
        if (r == null || i == null) {
            detail.set(null);
            return;
        }
        tasks.run("person-open", p -> new Detail(r.identityByMpiId(i.mpiId()).orElse(i), r.externalIds(i.mpiId()),
                r.identityHistory(i.mpiId())), detail::set, error::set);
    }

    /** Undoes a merge from the open identity's history. */
    public void undo(String mergeId) {
        Registry r = registry.getValue();
        Detail d = detail.get();
        if (r == null || d == null) {
            return;
        }
        String why = reason.get();
        tasks.run("review-undo", p -> {
            new ReviewService(r).undo(mergeId, why);
            return Boolean.TRUE;
        }, ok -> {
            reason.set("");
            notice.set("review.notice.undone");
            open(d.identity());
            load();
        }, error::set);
    }

    /** Gives a linked record an identity of its own (forced creation, audited). */
    public void split(ExternalIdLink link) {
        Registry r = registry.getValue();
        Detail d = detail.get();
        if (r == null || d == null) {
            return;
        }
        String why = reason.get();
        tasks.run("person-split", p -> {
            ReviewService.reason(why);
            return MpiService.open(r, "SN", new RegionCodes(java.util.Map.of())).splitOff(link.programUid(),
                    link.teiUid(), why);
        }, created -> {
            reason.set("");
            notice.set("review.notice.split");
            open(d.identity());
        }, error::set);
    }

    /** Corrects the open identity's fields. */
    public void correct(org.carnet.core.model.Demographics next) {
        Registry r = registry.getValue();
        Detail d = detail.get();
        if (r == null || d == null) {
            return;
        }
        String why = reason.get();
        tasks.run("person-correct", p -> {
            ReviewService.reason(why);
            MpiService.open(r, "SN", new RegionCodes(java.util.Map.of())).correct(d.identity().mpiId(), next, why);
            return Boolean.TRUE;
        }, ok -> {
            reason.set("");
            notice.set("review.notice.corrected");
            open(d.identity());
        }, error::set);
    }

    public ObservableList<ReviewService.Item> items() {
        return items;
    }

    public ObjectProperty<ReviewService.Item> selectedProperty() {
        return selected;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Band> bandProperty() {
        return band;
    }

    public ObjectProperty<ProgramInfo> programProperty() {
        return program;
    }

    public StringProperty districtProperty() {
        return district;
    }

    public ObservableList<ProgramInfo> programs() {
        return programs;
    }

    public ObjectProperty<java.util.Map<String, Long>> countsProperty() {
        return counts;
    }

    public ObjectProperty<Throwable> errorProperty() {
        return error;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<IdentityRecord> found() {
        return found;
    }

    public ObjectProperty<Detail> detailProperty() {
        return detail;
    }
}
