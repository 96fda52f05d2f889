package io.tinymlaas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package layout's promises, checked on the compiled engine (tests excluded). */
class ArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tinymlaas");

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("io.tinymlaas.(**)").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void coreDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.tinymlaas.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.tinymlaas.core..", "java..", "com.fasterxml..")
                .check(ENGINE);
    }
}
