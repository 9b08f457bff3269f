package org.carnet.app.cli.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.carnet.core.common.AppException;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.DesignJson;

/** Reads a card design file named on the command line ({@code render}, {@code generate}, {@code cards design}). */
public final class DesignFiles {
    private DesignFiles() {
    }

    /**
     * @throws AppException {@code cli.render.noDesign} when the file does not exist, {@code render.error.design.*}
     *                      when it is not a design
     */
    public static CardDesign read(Path file) throws AppException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new AppException("cli.render.noDesign", "design file not found", file);
        }
        return DesignJson.read(Files.readAllBytes(file));
    }
}
