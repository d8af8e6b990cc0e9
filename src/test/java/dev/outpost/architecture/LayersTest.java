package dev.outpost.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer table of DESIGN.md, enforced: a wrong import fails the build. */
@AnalyzeClasses(packages = "dev.outpost", importOptions = LayersTest.MainCodeOnly.class)
class LayersTest {

    /** ArchUnit's own test filter expects the folder to be called target/; builds may use another. */
    static final class MainCodeOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule layersDependOnlyDownwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("model").definedBy("dev.outpost.model..")
            .layer("store").definedBy("dev.outpost.store..")
            .layer("sync").definedBy("dev.outpost.sync..")
            .layer("crm").definedBy("dev.outpost.crm..")
            .layer("outlook").definedBy("dev.outpost.outlook..")
            .layer("auth").definedBy("dev.outpost.auth..")
            .layer("demo").definedBy("dev.outpost.demo..")
            .layer("ui").definedBy("dev.outpost.ui..")
            .layer("cli").definedBy("dev.outpost.cli..")
            .layer("app").definedBy("dev.outpost.app..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("crm").mayOnlyBeAccessedByLayers("ui", "cli", "app")
            .whereLayer("outlook").mayOnlyBeAccessedByLayers("ui", "cli", "app")
            .whereLayer("auth").mayOnlyBeAccessedByLayers("ui", "cli", "app")
            .whereLayer("demo").mayOnlyBeAccessedByLayers("ui", "cli", "app")
            .whereLayer("sync").mayOnlyBeAccessedByLayers("crm", "outlook", "ui", "cli", "app")
            .whereLayer("store").mayOnlyBeAccessedByLayers("sync", "auth", "ui", "cli", "app")
            .whereLayer("model").mayOnlyBeAccessedByLayers("store", "sync", "crm", "outlook", "auth", "demo", "ui", "cli", "app")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule modelKnowsNoJavaFx = noClasses().that().resideInAnyPackage("dev.outpost.model..",
                    "dev.outpost.store..", "dev.outpost.sync..", "dev.outpost.cli..", "dev.outpost.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule viewModelsKnowNoControls = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheCliPrints = noClasses().that().resideOutsideOfPackages("dev.outpost.cli..", "dev.outpost.app..")
            .should().accessField(System.class, "out")
            .because("the app logs through SLF4J; only the CLI and the entry point write to the terminal");
}
