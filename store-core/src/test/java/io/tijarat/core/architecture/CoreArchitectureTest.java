package io.tijarat.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the core, checked at build time: its top-level areas ({@code io.tijarat.core.<area>..}) do not
 * import each other in a circle, and the core knows nothing of the web layer or of Jakarta REST.
 */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tijarat.core");
    }

    @Test
    void areasOfTheCoreHaveNoPackageCycle() {
        slices().matching("io.tijarat.core.(*)..")
                .should().beFreeOfCycles()
                .check(core);
    }

    @Test
    void coreDoesNotImportTheWebLayerNorJakartaRest() {
        noClasses().that().resideInAPackage("io.tijarat.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tijarat.web..", "jakarta.ws.rs..")
                .check(core);
    }
}
