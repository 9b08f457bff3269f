package org.carnet.ui.design;

import java.awt.image.BufferedImage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.util.Duration;
import org.carnet.core.render.CardData;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.CardRenderer;
import org.carnet.core.render.Side;

/**
 * The live preview (architecture §3.5): every change of the design, the card data or the side restarts a 450 ms
 * pause; when it ends, a {@link Service} is restarted (a stale render is cancelled, the latest edit wins). The task
 * takes its snapshot of the design on the FX thread, renders at {@value #DPI} DPI with the same engine as bulk
 * generation on the single {@code preview-render} thread, and converts the image there. {@link #refresh()} renders at
 * once. The status is {@link Status#RENDERING} (cyan) while a render is pending or under way, {@link Status#READY}
 * (green) when the image shows the current design, {@link Status#NONE} (grey) before the first image and after an
 * error, which {@link #errorProperty()} holds.
 */
public final class PreviewService {
    /** The pause after the last edit before a render starts. */
    public static final Duration DEBOUNCE = Duration.millis(450);
    /** The preview is the print resolution, so what the user sees is what the printer gets. */
    public static final int DPI = CardRenderer.DPI_300;

    /** What the status light shows. */
    public enum Status { NONE, RENDERING, READY }

    /** Draws one side of a card; the production one is {@link CardRenderer#render}. */
    @FunctionalInterface
    public interface Renderer {
        BufferedImage render(CardDesign design, CardData data, Side side, int dpi) throws Exception;
    }

    private final ObservableValue<CardDesign> design;
    private final ObservableValue<CardData> data;
    private final ObservableValue<Side> side;
    private final Renderer renderer;
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.NONE);
    private final ReadOnlyObjectWrapper<Throwable> error = new ReadOnlyObjectWrapper<>(this, "error");
    private volatile Status statusNow = Status.NONE;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final Service<Image> service;

    /**
     * @param executor the single {@code preview-render} thread
     */
    public PreviewService(ObservableValue<CardDesign> design, ObservableValue<CardData> data,
            ObservableValue<Side> side, Renderer renderer, Executor executor) {
        this.design = design;
        this.data = data;
        this.side = side;
        this.renderer = renderer;
        this.service = new Service<>() {
            @Override
            protected Task<Image> createTask() {
                // Read on the FX thread: the task renders exactly what the user sees in the form now.
                CardDesign d = PreviewService.this.design.getValue();
                CardData c = PreviewService.this.data.getValue();
                Side s = PreviewService.this.side.getValue() == null ? Side.FRONT : PreviewService.this.side.getValue();
                return new Task<>() {
                    @Override
                    protected Image call() throws Exception {
                        if (isCancelled()) {
                            return null;
                        }
                        started.incrementAndGet();
                        try {
                            BufferedImage img = PreviewService.this.renderer.render(d, c, s, DPI);
                            return SwingFXUtils.toFXImage(img, null);
                        } finally {
                            finished.incrementAndGet();
                        }
                    }
                };
            }
        };
        service.setExecutor(executor);
        service.setOnSucceeded(e -> {
            Image img = service.getValue();
            if (img != null) {
                image.set(img);
                error.set(null);
                // An edit made during this render is still waiting for its pause: the light stays cyan.
                setStatus(pausing() ? Status.RENDERING : Status.READY);
            }
        });
        service.setOnFailed(e -> {
            error.set(service.getException());
            image.set(null);
            setStatus(pausing() ? Status.RENDERING : Status.NONE);
        });
        debounce.setOnFinished(e -> restart());
        design.addListener(o -> changed());
        data.addListener(o -> changed());
        side.addListener(o -> changed());
    }

    /** A production preview: the card renderer on the given executor. */
    public static PreviewService of(ObservableValue<CardDesign> design, ObservableValue<CardData> data,
            ObservableValue<Side> side, Executor executor) {
        CardRenderer renderer = new CardRenderer();
        return new PreviewService(design, data, side, renderer::render, executor);
    }

    private void changed() {
        setStatus(Status.RENDERING);
        debounce.playFromStart();
    }

    private boolean pausing() {
        return debounce.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    private void setStatus(Status s) {
        statusNow = s;
        status.set(s);
    }

    /** Renders now, without waiting for the pause (the Refresh button, the first preview). */
    public void refresh() {
        debounce.stop();
        setStatus(Status.RENDERING);
        restart();
    }

    private void restart() {
        try {
            service.restart();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the application is closing: its render thread is gone
            setStatus(Status.NONE);
        }
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How many renders have started (debounce tests). */
    int renderCount() {
        return started.get();
    }

    /** How many renders have ended, successfully or not. */
    int finishedCount() {
        return finished.get();
    }

    /** Whether a render is pending (pause running) or under way; readable from any thread (tests). */
    boolean busy() {
        return statusNow == Status.RENDERING;
    }
}
