package io.tijarat.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The web layer parses HTTP and calls the core: it reads and writes the database only through core services. */
class WebArchitectureTest {

    @Test
    void theWebLayerDoesNotUseJpaDirectly() {
        noClasses().that().resideInAPackage("io.tijarat.web..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.tijarat.web"));
    }
}
