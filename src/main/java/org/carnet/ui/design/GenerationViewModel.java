package org.carnet.ui.design;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.carnet.core.cards.GenerationJob;
import org.carnet.core.cards.GenerationRequest;
import org.carnet.core.cards.OutputFormat;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.Eta;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.CardRenderer;
import org.carnet.uikit.TaskRunner;

/**
 * State of the "Generate cards" panel: the filters and output of a bulk generation of one programme's cards in the
 * current design, the number of matching cards, the job under way (progress, cards done of total, time left, phase,
 * Cancel), its result, and an interrupted job that can be resumed or discarded. The job runs on the bulk-render
 * executor through {@code bulk}; counting and the pending check through {@code io}. No JavaFX controls.
 */
public final class GenerationViewModel {
    /** Enrollment status filter choices; null = any. */
    public static final List<String> STATUSES = java.util.Arrays.asList(null, "ACTIVE", "COMPLETED", "CANCELLED");
    public static final List<Integer> DPIS = List.of(CardRenderer.DPI_300, CardRenderer.DPI_600);

    private java.util.concurrent.ExecutorService renderPool;
    private final TaskRunner io;
    private final TaskRunner bulk;
    private final Executor fx;
    private final Supplier<Registry> registry;
    private final Clock clock;
    private final StringProperty programUid = new SimpleStringProperty(this, "programUid");
    private final ObjectProperty<CardDesign> design = new SimpleObjectProperty<>(this, "design");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty orgUnit = new SimpleStringProperty(this, "orgUnit", "");
    private final StringProperty status = new SimpleStringProperty(this, "status");
    private final IntegerProperty dpi = new SimpleIntegerProperty(this, "dpi", CardRenderer.DPI_300);
    private final BooleanProperty includeMpiId = new SimpleBooleanProperty(this, "includeMpiId", true);
    private final ObjectProperty<OutputFormat> format = new SimpleObjectProperty<>(this, "format", OutputFormat.PDF);
    private final ObjectProperty<Path> out = new SimpleObjectProperty<>(this, "out");
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", -1);
    private final BooleanProperty counting = new SimpleBooleanProperty(this, "counting");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final LongProperty done = new SimpleLongProperty(this, "done");
    private final LongProperty total = new SimpleLongProperty(this, "total", -1);
    private final ObjectProperty<Duration> remaining = new SimpleObjectProperty<>(this, "remaining");
    private final StringProperty phase = new SimpleStringProperty(this, "phase");
    private final ObjectProperty<GenerationJob.Result> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<Throwable> error = new SimpleObjectProperty<>(this, "error");
    private final ObjectProperty<GenerationJob.Pending> pending = new SimpleObjectProperty<>(this, "pending");
    private volatile Cancellation cancellation;
    private final Eta eta = new Eta();
    private long countRequest;

    /**
     * @param io   registry reads (count, pending job)
     * @param bulk the generation itself, on the bulk-render executor
     * @param fx   runs progress updates on the FX thread (Platform::runLater)
     */
    public GenerationViewModel(TaskRunner io, TaskRunner bulk, Executor fx, Supplier<Registry> registry,
            Clock clock) {
        this.io = io;
        this.bulk = bulk;
        this.fx = fx;
        this.registry = registry;
        this.clock = clock;
        javafx.beans.InvalidationListener recount = o -> count();
        from.addListener(recount);
        to.addListener(recount);
        status.addListener(recount);
        programUid.addListener(recount);
    }

    /** Sets the programme and the design the cards are made in, and reads the pending job and the count. */
    public void prepare(String program, CardDesign cardDesign) {
        result.set(null);
        error.set(null);
        design.set(cardDesign);
        includeMpiId.set(cardDesign == null || cardDesign.showMpiId());
        programUid.set(program);
        checkPending();
        count();
    }

    private GenerationJob job(Registry r) {
        return new GenerationJob(r, Clock.systemDefaultZone()).withRenderPool(renderPool);
    }

    /** The pool that draws PNG cards in parallel (not the one running the job); none: one thread. */
    public void setRenderPool(java.util.concurrent.ExecutorService pool) {
        this.renderPool = pool;
    }

    /** The request the panel describes now. */
    public GenerationRequest request() {
        return new GenerationRequest(programUid.get(), design.get(), new GenerationRequest.Filters(from.get(),
                to.get(), orgUnit.get(), status.get()), dpi.get(), includeMpiId.get(), format.get(), out.get());
    }

    /** Counts the matching cards off the FX thread (the latest request wins). */
    public void count() {
        Registry r = registry.get();
        if (r == null || programUid.get() == null || design.get() == null) {
            count.set(-1);
            return;
        }
        long ticket = ++countRequest;
        GenerationRequest req = request();
        counting.set(true);
        io.run("cards-count", p -> job(r).count(req), n -> {
            if (ticket == countRequest) {
                counting.set(false);
                count.set(n);
            }
        }, e -> {
            if (ticket == countRequest) {
                counting.set(false);
                count.set(-1);
                error.set(e);
            }
        });
    }

    /** Looks for an interrupted job. */
    public void checkPending() {
        Registry r = registry.get();
        if (r == null) {
            pending.set(null);
            return;
        }
        io.run("cards-pending", p -> job(r).pending().orElse(null), pending::set, error::set);
    }

    /** Whether Start can run: a programme, a design, an output file, nothing running. */
    public boolean canStart() {
        return registry.get() != null && programUid.get() != null && design.get() != null && out.get() != null
                && !running.get();
    }

    public void start() {
        Registry r = registry.get();
        if (!canStart()) {
            return;
        }
        GenerationRequest req = request();
        launch(r, false, (job, sink, cancel) -> job.run(req, sink, cancel));
    }

    /** Resumes the interrupted job. */
    public void resume() {
        Registry r = registry.get();
        if (r == null || running.get() || pending.get() == null) {
            return;
        }
        launch(r, true, (job, sink, cancel) -> job.resume(sink, cancel));
    }

    /** Forgets the interrupted job (its files stay where they are). */
    public void discardPending() {
        Registry r = registry.get();
        if (r == null) {
            return;
        }
        io.run("cards-discard", p -> {
            job(r).discardPending();
            return Boolean.TRUE;
        }, x -> pending.set(null), error::set);
    }

    public void cancel() {
        Cancellation c = cancellation;
        if (c != null) {
            c.cancel();
        }
    }

    @FunctionalInterface
    private interface Run {
        GenerationJob.Result run(GenerationJob job, ProgressSink sink, Cancellation cancel) throws AppException;
    }

    private void launch(Registry r, boolean resuming, Run what) {
        Cancellation c = new Cancellation();
        cancellation = c;
        running.set(true);
        result.set(null);
        error.set(null);
        progress.set(-1);
        done.set(0);
        total.set(-1);
        remaining.set(null);
        phase.set(null);
        eta.reset();
        AtomicLong latestDone = new AtomicLong();
        AtomicLong latestTotal = new AtomicLong(-1);
        AtomicBoolean posted = new AtomicBoolean();
        ProgressSink sink = new ProgressSink() {
            @Override
            public void progress(long d, long t) {
                latestDone.set(d);
                latestTotal.set(t);
                // One update waiting on the FX thread at a time: thousands of cards do not flood it.
                if (posted.compareAndSet(false, true)) {
                    fx.execute(() -> {
                        posted.set(false);
                        progressed(latestDone.get(), latestTotal.get());
                    });
                }
            }

            @Override
            public void message(String key, Object... args) {
                fx.execute(() -> phase.set(key));
            }
        };
        bulk.run("cards-generate", p -> what.run(job(r), sink, c), res -> {
            running.set(false);
            cancellation = null;
            result.set(res);
            if (resuming) {
                pending.set(null);
            }
            checkPending();
        }, e -> {
            running.set(false);
            cancellation = null;
            error.set(e);
            checkPending();
        });
    }

    /** Progress as the Sync tab computes it: fraction, counts and the time left from the pace so far. */
    void progressed(long d, long t) {
        done.set(d);
        total.set(t);
        progress.set(t > 0 ? Math.min(1, (double) d / t) : -1);
        eta.update(d, t, clock.millis()).ifPresent(remaining::set);
    }

    public StringProperty programUidProperty() {
        return programUid;
    }

    public ObjectProperty<CardDesign> designProperty() {
        return design;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty orgUnitProperty() {
        return orgUnit;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public IntegerProperty dpiProperty() {
        return dpi;
    }

    public BooleanProperty includeMpiIdProperty() {
        return includeMpiId;
    }

    public ObjectProperty<OutputFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<Path> outProperty() {
        return out;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public BooleanProperty countingProperty() {
        return counting;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public LongProperty doneProperty() {
        return done;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public ObjectProperty<Duration> remainingProperty() {
        return remaining;
    }

    public StringProperty phaseProperty() {
        return phase;
    }

    public ObjectProperty<GenerationJob.Result> resultProperty() {
        return result;
    }

    public ObjectProperty<Throwable> errorProperty() {
        return error;
    }

    public ObjectProperty<GenerationJob.Pending> pendingProperty() {
        return pending;
    }
}
