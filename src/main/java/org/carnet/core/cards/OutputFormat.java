package org.carnet.core.cards;

import java.util.Locale;
import java.util.Optional;

/** What a generation job writes: a PDF of CR80 pages, a PDF of A4 sheets, or a ZIP of PNG images. */
public enum OutputFormat {
    /** One PDF page per card side at the card's exact size (card printers). */
    PDF("pdf", ".pdf"),
    /** A4 sheets of ten cards with crop marks, backs mirrored (office printers, print shops). */
    A4("a4", ".pdf"),
    /** One PNG per card side in a ZIP, with the manifest (WhatsApp, wallets, print partners). */
    PNG_ZIP("png-zip", ".zip");

    private final String code;
    private final String extension;

    OutputFormat(String code, String extension) {
        this.code = code;
        this.extension = extension;
    }

    /** The name on the command line and in saved settings. */
    public String code() {
        return code;
    }

    /** The file name extension, with its dot. */
    public String extension() {
        return extension;
    }

    public boolean isPdf() {
        return this != PNG_ZIP;
    }

    public static Optional<OutputFormat> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        for (OutputFormat f : values()) {
            if (f.code.equals(c) || f.name().toLowerCase(Locale.ROOT).equals(c)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
