package org.carnet.uikit;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The look: bundled Inter fonts (so the window looks the same on a bare Linux image and on Windows) and one
 * stylesheet, {@code app.css}, whose colour and spacing tokens live in {@code .root}.
 */
public final class Theme {
    private static final Logger LOG = LoggerFactory.getLogger(Theme.class);
    private static final List<String> FONTS = List.of("Inter-Regular.otf", "Inter-Medium.otf", "Inter-SemiBold.otf",
            "Inter-Bold.otf");
    private static volatile boolean fontsLoaded;

    private Theme() {
    }

    public static String stylesheet() {
        return Theme.class.getResource("/org/carnet/uikit/app.css").toExternalForm();
    }

    public static void loadFonts() {
        if (fontsLoaded) {
            return;
        }
        for (String f : FONTS) {
            try (InputStream in = Theme.class.getResourceAsStream("/org/carnet/uikit/fonts/" + f)) {
                if (in == null || Font.loadFont(in, 13) == null) {
                    LOG.warn("Bundled font {} could not be loaded; the system font is used", f);
                }
            } catch (IOException e) {
                LOG.warn("Bundled font {} could not be read: {}", f, e.getClass().getSimpleName());
            }
        }
        fontsLoaded = true;
    }

    public static void apply(Scene scene) {
        loadFonts();
        scene.getStylesheets().add(stylesheet());
    }
}
