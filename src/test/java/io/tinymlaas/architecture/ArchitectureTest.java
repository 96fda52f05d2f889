package io.tinymlaas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tinymlaas.data.DatasetStore;
import java.util.List;
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

    /** The doors: they parse, call the facade and present. The CLI also starts the other doors (serve, worker). */
    private static final List<String> DOORS = List.of("io.tinymlaas.cli.", "io.tinymlaas.rest.", "io.tinymlaas.jobs.");

    /** What a door may touch besides the facade and the doors: the values the facade answers with (records, enums), never a service. */
    private static final DescribedPredicate<JavaClass> FACADE_OR_VALUES = new DescribedPredicate<>("the facade, a door or a value") {
        @Override
        public boolean test(JavaClass dependency) {
            String name = dependency.getName();
            boolean ours = name.startsWith("io.tinymlaas.");
            boolean value = dependency.isRecord() || dependency.isEnum() || dependency.isAssignableTo(Throwable.class)
                    || dependency.getEnclosingClass().map(outer -> outer.isRecord()).orElse(false);
            return !ours || value || name.startsWith("io.tinymlaas.app.") || DOORS.stream().anyMatch(name::startsWith);
        }
    };

    @Test
    void everyDoorCallsTheEngineOnlyThroughTheFacade() {
        classes().that().resideInAnyPackage("io.tinymlaas.cli..", "io.tinymlaas.rest..", "io.tinymlaas.jobs..")
                .should().onlyDependOnClassesThat(FACADE_OR_VALUES).check(ENGINE);
    }

    @Test
    void theRestApiAndTheJobsAreIndependentDoors() {
        noClasses().that().resideInAPackage("io.tinymlaas.rest..").should().dependOnClassesThat().resideInAnyPackage(
                "io.tinymlaas.jobs..", "io.tinymlaas.cli..").check(ENGINE);
        noClasses().that().resideInAPackage("io.tinymlaas.jobs..").should().dependOnClassesThat().resideInAnyPackage(
                "io.tinymlaas.rest..", "io.tinymlaas.cli..").check(ENGINE);
    }

    /** A call that makes or drives an engine service itself: a constructor or static method of one, not a value. */
    private static final DescribedPredicate<JavaCall<?>> DRIVES_A_SERVICE = new DescribedPredicate<>("makes or drives an engine service") {
        @Override
        public boolean test(JavaCall<?> call) {
            JavaClass owner = call.getTargetOwner();
            String pkg = owner.getPackageName();
            boolean service = (pkg.startsWith("io.tinymlaas.lifecycle") || pkg.startsWith("io.tinymlaas.device")
                    || pkg.startsWith("io.tinymlaas.registry") || pkg.startsWith("io.tinymlaas.compile")
                    || pkg.startsWith("io.tinymlaas.oracle") || owner.isEquivalentTo(DatasetStore.class))
                    && !owner.isRecord() && !owner.isEnum() && !owner.isAssignableTo(Throwable.class);
            boolean makesOrStatic = call instanceof JavaConstructorCall
                    || call.getTarget().resolveMember().map(m -> m.getModifiers().contains(JavaModifier.STATIC)).orElse(false);
            return service && makesOrStatic;
        }
    };

    /**
     * The acceptance steps drive the engine as every door does, through app.Tinyml; they may still read what it made
     * (a .tflite file, a data set) to check it, and define the examples they run.
     */
    @Test
    void theStepsDriveTheEngineOnlyThroughTheFacade() {
        noClasses().should().callCodeUnitWhere(DRIVES_A_SERVICE).check(new ClassFileImporter().importPackages("io.tinymlaas.steps"));
    }

    @Test
    void coreDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.tinymlaas.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.tinymlaas.core..", "java..", "com.fasterxml..")
                .check(ENGINE);
    }
}
