package io.omnihub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape docs/design.md draws, checked on the compiled classes of every module: who may depend on
 * whom, no package cycles inside a module, and the store owning the domain's writes. Rules whose
 * existing breaches are still being moved (SQL outside crm-store) are frozen:
 * the breaches recorded in {@code src/test/resources/archunit-frozen} are allowed, a new one fails,
 * and one that is fixed drops out of the record for good.
 */
class ArchitectureTest {

    private static JavaClasses hub;

    @BeforeAll
    static void importTheHub() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.omnihub");
    }

    @Test
    void connectorsKnowNothingOfTheStoreTheRoutesOrTheConsole() {
        noClasses().that().resideInAPackage("io.omnihub.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("io.omnihub.store..", "io.omnihub.routes..",
                        "io.omnihub.console..")
                .because("a channel never writes the database: it hands what it reads to the bus")
                .check(hub);
    }

    @Test
    void theStoreKnowsNothingOfChannelsRoutesOrTheConsole() {
        noClasses().that().resideInAPackage("io.omnihub.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.omnihub.connectors..", "io.omnihub.routes..",
                        "io.omnihub.console..")
                .because("the store never calls a channel")
                .check(hub);
    }

    @Test
    void theConsoleNeverCallsAChannelOrARoute() {
        noClasses().that().resideInAPackage("io.omnihub.console..")
                .should().dependOnClassesThat().resideInAnyPackage("io.omnihub.connectors..", "io.omnihub.routes..")
                .because("the console puts replies on the bus; it never calls a channel directly")
                .check(hub);
    }

    @Test
    void noPackageCyclesInsideAModule() {
        for (String module : new String[] {"store", "connectors", "routes", "console"}) {
            slices().matching("io.omnihub." + module + ".(*)..").namingSlices("$1 in " + module)
                    .should().beFreeOfCycles()
                    .check(hub);
        }
    }

    @Test
    void everyInteractionReachesTheTimelineThroughTheStore() {
        noClasses().that().resideOutsideOfPackage("io.omnihub.store..")
                .should().callConstructor(io.omnihub.store.events.InteractionRecorded.class,
                        Long.class, Long.class, Long.class, String.class, String.class, String.class, String.class,
                        String.class, java.time.Instant.class)
                .orShould().callMethod(io.omnihub.store.interaction.InteractionRepository.class, "save", Object.class)
                .because("Timeline.record stores an interaction with its InteractionRecorded event, in one place")
                .check(hub);
    }

    @Test
    void onlyTheStoreAppendsToTheOutbox() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.omnihub.store..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "the outbox's append", call -> call.getTargetOwner().getName()
                                .equals("io.omnihub.store.outbox.OutboxWriter")
                                && call.getName().equals("append")))
                .because("an event is written in the transaction of the change it describes, by the store");
        rule.check(hub);
    }

    @Test
    void onlyTheStoreWritesSql() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.omnihub.store..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate")
                .because("an erasure or a report must find every table that refers to a customer in one module");
        FreezingArchRule.freeze(rule).check(hub);
    }
}
