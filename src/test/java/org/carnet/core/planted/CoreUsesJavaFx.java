package org.carnet.core.planted;

/**
 * Planted violation for {@code ArchitectureRulesTest}: a core class holding a JavaFX type, printing to stdout and
 * reading a sensitive value in clear.
 * Test sources are not analysed by {@code ArchitectureTest}, so this never breaks the real build.
 */
public class CoreUsesJavaFx {
    public javafx.scene.image.Image image;

    public void print() {
        System.out.println("core prints");
    }

    public String leak(org.carnet.core.guard.SensitiveValue v) {
        return v.revealForEncryption();
    }

    public void printTrace(Exception e) {
        e.printStackTrace();
    }
}
