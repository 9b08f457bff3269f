package org.carnet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.carnet.core.planted.CoreUsesJavaFx;
import org.carnet.core.planted.internal.Hidden;
import org.carnet.ui.plantedalpha.AlphaView;
import org.carnet.ui.plantedbeta.BetaView;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ArchitectureTest} are not decoration: the very same rule objects, evaluated on planted
 * violations that live in test sources under the real package names, must report each violation by class.
 */
class ArchitectureRulesTest {
    private static final JavaClasses PLANTED = new ClassFileImporter()
            .importClasses(CoreUsesJavaFx.class, Hidden.class, AlphaView.class, BetaView.class);

    private static void assertReports(ArchRule rule, String className) {
        EvaluationResult result = rule.evaluate(PLANTED);
        assertTrue(result.hasViolation(), "expected a violation of: " + rule.getDescription());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(className), report);
    }

    @Test
    void aCoreClassImportingJavaFxFailsTheBuild() {
        assertReports(ArchitectureTest.coreIsHeadless, "CoreUsesJavaFx");
    }

    @Test
    void tabsDependingOnEachOtherAreReported() {
        assertReports(ArchitectureTest.tabsAreIndependent, "AlphaView");
    }

    @Test
    void usingAnotherFeaturesInternalPackageIsReported() {
        assertReports(ArchitectureTest.internalPackagesArePrivate, "Hidden");
    }

    @Test
    void blockingTheFxThreadIsReported() {
        EvaluationResult result = ArchitectureTest.uiNeverBlocks.evaluate(PLANTED);
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("Thread.sleep"), report);
        assertTrue(report.contains("Future.get"), report);
    }

    @Test
    void readingASensitiveValueOutsideTheRegistryIsReported() {
        assertReports(ArchitectureTest.onlyTheRegistryRevealsSensitiveValues, "CoreUsesJavaFx");
    }

    @Test
    void standardStreamsAndStackTracesOutsideTheCliAreReported() {
        String report = ArchitectureTest.noStdStreams.evaluate(PLANTED).getFailureReport().toString();
        assertTrue(report.contains("System.out"), report);
        assertTrue(report.contains("printStackTrace"), report);
    }
}
