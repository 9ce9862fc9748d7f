package dev.thinkbench;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layer rule of DESIGN.md: ui/cli -> lab -> forcing -> engine -> core, and app on top wiring by hand. */
class LayerRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.thinkbench");

    @Test
    void layersOnlyPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("core").definedBy("dev.thinkbench.core..")
                .layer("engine").definedBy("dev.thinkbench.engine..")
                .layer("forcing").definedBy("dev.thinkbench.forcing..")
                .layer("lab").definedBy("dev.thinkbench.lab..")
                .layer("ui").definedBy("dev.thinkbench.ui..")
                .layer("cli").definedBy("dev.thinkbench.cli..")
                .layer("app").definedBy("dev.thinkbench.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("lab").mayOnlyBeAccessedByLayers("ui", "cli", "app")
                .whereLayer("forcing").mayOnlyBeAccessedByLayers("lab", "ui", "cli", "app")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("forcing", "lab", "ui", "cli", "app")
                .check(CLASSES);
    }

    @Test
    void onlyEngineImportsModelLibraries() {
        noClasses().that().resideOutsideOfPackage("dev.thinkbench.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..")
                .check(CLASSES);
    }

    @Test
    void onlyTheBindingCallsNativeCodeAndOnlyTheEngineHostUsesIt() {
        noClasses().that().resideOutsideOfPackage("dev.thinkbench.engine.local.llama..")
                .should().dependOnClassesThat().resideInAnyPackage("java.lang.foreign..")
                .check(CLASSES);
        // the app side may name where the libraries are (NativeLibraries) and which CPU backend a model asks for
        // (CpuBackendChoice), never load or call them
        noClasses().that().resideOutsideOfPackages("dev.thinkbench.engine.local.llama..",
                        "dev.thinkbench.engine.local.host..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.thinkbench.engine.local.llama..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("NativeLibraries")))
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("CpuBackendChoice"))))
                .check(CLASSES);
    }

    @Test
    void coreAndLabStayFreeOfJavaFx() {
        noClasses().that().resideInAnyPackage("dev.thinkbench.core..", "dev.thinkbench.engine..",
                        "dev.thinkbench.forcing..", "dev.thinkbench.lab..", "dev.thinkbench.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void viewModelsImportNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
