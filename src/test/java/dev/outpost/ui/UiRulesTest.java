package dev.outpost.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** How the window's code is organized; LayersTest covers the layers and view models vs controls. */
@AnalyzeClasses(packages = "dev.outpost.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class UiRulesTest {

    @ArchTest
    static final ArchRule viewModelsLiveInAFeaturePackage = classes().that().haveSimpleNameEndingWith("ViewModel")
            .should().resideInAPackage("dev.outpost.ui.*");

    @ArchTest
    static final ArchRule viewModelsLeaveThreadingToBackgroundTasks = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.application..", "javafx.concurrent..")
            .because("view models run work through BackgroundTasks, so tests can run them on one thread");

    @ArchTest
    static final ArchRule namesSayWhatThingsAre = noClasses()
            .should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils");

    @ArchTest
    static final ArchRule noStackTracesForUsers = noClasses()
            .should().callMethod(Throwable.class, "printStackTrace");
}
