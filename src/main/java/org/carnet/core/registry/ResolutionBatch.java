package org.carnet.core.registry;

import java.util.List;

/**
 * What resolving a batch of records against the MPI writes, all in one transaction: new identities first, then the
 * links of source records to identities, then the review items between identities.
 */
public record ResolutionBatch(List<IdentityRecord> identities, List<ExternalIdLink> links,
        List<NewReviewItem> reviewItems) {
    public ResolutionBatch {
        identities = List.copyOf(identities);
        links = List.copyOf(links);
        reviewItems = List.copyOf(reviewItems);
    }

    /** True when there is nothing to write. */
    public boolean isEmpty() {
        return identities.isEmpty() && links.isEmpty() && reviewItems.isEmpty();
    }
}
