package io.tinymlaas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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

    /** What a door may touch besides the facade: the values the facade answers with (records, enums), never a service. */
    private static final DescribedPredicate<JavaClass> FACADE_OR_VALUES = new DescribedPredicate<>("the facade or the values it returns") {
        @Override
        public boolean test(JavaClass dependency) {
            String name = dependency.getName();
            boolean ours = name.startsWith("io.tinymlaas.");
            boolean value = dependency.isRecord() || dependency.isEnum() || dependency.isAssignableTo(Throwable.class)
                    || dependency.getEnclosingClass().map(outer -> outer.isRecord()).orElse(false);
            return !ours || value || name.startsWith("io.tinymlaas.app.") || name.startsWith("io.tinymlaas.cli.");
        }
    };

    @Test
    void theCommandLineCallsTheEngineOnlyThroughTheFacade() {
        classes().that().resideInAPackage("io.tinymlaas.cli..").should().onlyDependOnClassesThat(FACADE_OR_VALUES).check(ENGINE);
    }

    @Test
    void coreDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.tinymlaas.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.tinymlaas.core..", "java..", "com.fasterxml..")
                .check(ENGINE);
    }
}
