package org.carnet;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.carnet.core.guard.SensitiveValue;

/**
 * The package tree is the architecture (docs/architecture.md §3.3). {@link ArchitectureRulesTest} proves that these
 * rules fail on planted violations.
 */
@AnalyzeClasses(packages = "org.carnet", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {

    /** 1. Layers: app → ui → uikit → core; nothing reaches back up. */
    @ArchTest
    public static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("App").definedBy("org.carnet.app..")
            .layer("Ui").definedBy("org.carnet.ui..")
            .layer("UiKit").definedBy("org.carnet.uikit..")
            .layer("Core").definedBy("org.carnet.core..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("UiKit").mayOnlyBeAccessedByLayers("Ui", "App")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Ui", "UiKit", "App");

    /** 2. The core is headless: no JavaFX at all, not even javafx.beans. */
    @ArchTest
    public static final ArchRule coreIsHeadless = noClasses().that().resideInAPackage("org.carnet.core..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("sync, bulk rendering and tests must run without a JavaFX toolkit");

    /** 3. Engines stay pure; orchestration owns storage and the network. */
    @ArchTest
    public static final ArchRule enginesArePure = noClasses()
            .that().resideInAnyPackage("org.carnet.core.normalize..", "org.carnet.core.guard..",
                    "org.carnet.core.render..", "org.carnet.core.dhis2..")
            .should().dependOnClassesThat().resideInAnyPackage("org.carnet.core.registry..", "org.carnet.core.sync..",
                    "org.carnet.core.cards..", "org.carnet.core.distribution..")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule nobodyReachesUpIntoOrchestration = noClasses()
            .that().resideInAnyPackage("org.carnet.core.registry..", "org.carnet.core.mpi..",
                    "org.carnet.core.mapping..")
            .should().dependOnClassesThat().resideInAnyPackage("org.carnet.core.sync..", "org.carnet.core.cards..",
                    "org.carnet.core.distribution..")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule coreFeaturesHaveNoCycles = slices().matching("org.carnet.core.(*)..")
            .should().beFreeOfCycles();

    /** 4. Tabs do not know each other; shared UI code lives in uikit. */
    @ArchTest
    public static final ArchRule tabsAreIndependent = slices().matching("org.carnet.ui.(*)..")
            .should().notDependOnEachOther();

    /** 5. "internal" packages are private to their feature (and the composition root). */
    @ArchTest
    public static final ArchRule internalPackagesArePrivate = classes()
            .that().resideOutsideOfPackage("org.carnet.app..")
            .should(InternalAccess.notAccessAnotherFeaturesInternals());

    /** 6. Third-party libraries are confined to the package that owns them. */
    @ArchTest
    public static final ArchRule httpOnlyInClients = noClasses()
            .that().resideOutsideOfPackages("org.carnet.core.dhis2.internal..",
                    "org.carnet.core.distribution.internal..", "org.carnet.app..")
            .should().dependOnClassesThat().resideInAPackage("okhttp3..");

    @ArchTest
    public static final ArchRule jdbcOnlyInRegistry = noClasses()
            .that().resideOutsideOfPackages("org.carnet.core.registry.internal..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..");

    @ArchTest
    public static final ArchRule cryptoOnlyInCrypto = noClasses()
            .that().resideOutsideOfPackages("org.carnet.core.crypto..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..");

    @ArchTest
    public static final ArchRule pdfAndQrOnlyInRender = noClasses()
            .that().resideOutsideOfPackages("org.carnet.core.render..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "com.google.zxing..");

    @ArchTest
    public static final ArchRule picocliOnlyInCli = noClasses()
            .that().resideOutsideOfPackages("org.carnet.app.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    public static final ArchRule controlsfxOnlyInUi = noClasses()
            .that().resideOutsideOfPackages("org.carnet.ui..", "org.carnet.uikit..", "org.carnet.app..")
            .should().dependOnClassesThat().resideInAPackage("org.controlsfx..");

    @ArchTest
    public static final ArchRule logbackOnlyInApp = noClasses()
            .that().resideOutsideOfPackages("org.carnet.app..")
            .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
            .because("code logs through SLF4J; Logback is configured once, in the composition root");

    @ArchTest
    public static final ArchRule onlySlf4j = noClasses()
            .that().resideOutsideOfPackage("org.carnet.app.logging..")
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.logging.log4j..",
                    "org.apache.commons.logging..");

    /** 7. UI code never blocks the FX thread on purpose. */
    private static final DescribedPredicate<JavaCall<?>> BLOCKING_CALL =
            target(name("get").or(name("join")).or(name("await")))
                    .and(target(owner(assignableTo(Future.class).or(assignableTo(CountDownLatch.class)))))
                    .as("a blocking wait (Future.get / join / CountDownLatch.await)");

    @ArchTest
    public static final ArchRule uiNeverBlocks = noClasses()
            .that().resideInAnyPackage("org.carnet.ui..", "org.carnet.uikit..")
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethodWhere(BLOCKING_CALL);

    /** 8. Only the registry's storage reads a sensitive value in clear, to encrypt it. */
    @ArchTest
    public static final ArchRule onlyTheRegistryRevealsSensitiveValues = noClasses()
            .that().resideOutsideOfPackage("org.carnet.core.registry.internal..")
            .should().callMethod(SensitiveValue.class, "revealForEncryption")
            .because("a sensitive value may reach no export, card, payload, message, log or MPI record");

    /** 9. The CLI is the one place that prints; everything else logs (this also catches printStackTrace()). */
    @ArchTest
    public static final ArchRule noStdStreams = noClasses().that().resideOutsideOfPackage("org.carnet.app.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);
}
