package org.carnet.core.cards;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.carnet.core.common.AppException;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.DesignJson;

/**
 * Card designs saved per programme in the registry (encrypted, audited), as the versioned design JSON with its logos.
 * A programme without its own design uses the deployment's default design, else the built-in defaults of
 * {@link #DEFAULT_TEMPLATE}.
 */
public final class DesignStore {
    /** The id of the design used by programmes that have none. */
    public static final String DEFAULT_ID = "default";
    public static final String DEFAULT_TEMPLATE = "vital";

    private final Registry registry;

    public DesignStore(Registry registry) {
        this.registry = registry;
    }

    /**
     * The design saved for a programme (null = the default design), if any.
     *
     * @throws AppException when the saved document cannot be read (damaged, or made by a newer Carnet)
     */
    public Optional<CardDesign> saved(String programUid) throws AppException {
        Optional<byte[]> doc = registry.cardDesign(id(programUid));
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DesignJson.read(doc.get()));
    }

    /** The design cards of a programme are made with: its own, else the default design, else built-in defaults. */
    public CardDesign designFor(String programUid) throws AppException {
        Optional<CardDesign> own = programUid == null ? Optional.empty() : saved(programUid);
        if (own.isPresent()) {
            return own.get();
        }
        return saved(null).orElseGet(() -> CardDesign.defaults(DEFAULT_TEMPLATE));
    }

    /** Validates and saves a programme's design (null = the default design). */
    public void save(String programUid, CardDesign design) throws AppException {
        design.validate();
        registry.saveCardDesign(id(programUid), design.template(),
                DesignJson.write(design).getBytes(StandardCharsets.UTF_8));
    }

    private static String id(String programUid) {
        return programUid == null || programUid.isBlank() ? DEFAULT_ID : "program:" + programUid.strip();
    }
}
