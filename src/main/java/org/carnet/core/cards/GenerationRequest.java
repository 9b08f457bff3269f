package org.carnet.core.cards;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.CardRenderer;

/**
 * What a bulk generation makes: the cards of one programme's enrollments that pass the filters, in a design, at a
 * resolution, into one output.
 *
 * @param design       the design (its template included); {@code includeMpiId} overrides its "show MPI id"
 * @param dpi          300 or 600 (the card printer's native resolution)
 * @param out          the output file; PDFs above {@link GenerationJob#MAX_PER_PDF} cards are split into numbered
 *                     files beside it
 */
public record GenerationRequest(String programUid, CardDesign design, Filters filters, int dpi, boolean includeMpiId,
        OutputFormat format, Path out) {

    /**
     * Which enrollments get a card; every filter is optional (null).
     *
     * @param from       first enrollment date (inclusive)
     * @param to         last enrollment date (inclusive)
     * @param orgUnitUid an org unit: enrollments in it or below it
     * @param status     {@code ACTIVE}, {@code COMPLETED} or {@code CANCELLED}
     */
    public record Filters(LocalDate from, LocalDate to, String orgUnitUid, String status) {
        public static final Filters NONE = new Filters(null, null, null, null);

        public Filters {
            orgUnitUid = orgUnitUid == null || orgUnitUid.isBlank() ? null : orgUnitUid.strip();
            status = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        }
    }

    public GenerationRequest {
        filters = filters == null ? Filters.NONE : filters;
        dpi = dpi == 0 ? CardRenderer.DPI_300 : dpi;
    }

    /** The design as printed: with the MPI id shown or not. */
    public CardDesign effectiveDesign() {
        return design.withShowMpiId(includeMpiId);
    }
}
