package io.omnihub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape docs/design.md draws, checked on the compiled classes of every module: who may depend on
 * whom, no package cycles inside a module, and the store owning the domain's writes and its SQL.
 */
class ArchitectureTest {

    private static JavaClasses hub;

    @BeforeAll
    static void importTheHub() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.omnihub");
    }

    static final ArchRule CONNECTORS_STAY_CHANNELS = noClasses().that().resideInAPackage("io.omnihub.connectors..")
            .should().dependOnClassesThat().resideInAnyPackage("io.omnihub.store..", "io.omnihub.routes..",
                    "io.omnihub.console..")
            .because("a channel never writes the database: it hands what it reads to the bus");

    static final ArchRule STORE_CALLS_NO_ONE = noClasses().that().resideInAPackage("io.omnihub.store..")
            .should().dependOnClassesThat().resideInAnyPackage("io.omnihub.connectors..", "io.omnihub.routes..",
                    "io.omnihub.console..")
            .because("the store never calls a channel");

    static final ArchRule CONSOLE_CALLS_NO_CHANNEL = noClasses().that().resideInAPackage("io.omnihub.console..")
            .should().dependOnClassesThat().resideInAnyPackage("io.omnihub.connectors..", "io.omnihub.routes..")
            .because("the console puts replies on the bus; it never calls a channel directly");

    static final ArchRule NO_CYCLES_IN_ROUTES = noCyclesIn("routes");

    static final ArchRule TIMELINE_THROUGH_THE_STORE = noClasses().that().resideOutsideOfPackage("io.omnihub.store..")
            .should().callConstructor(io.omnihub.store.events.InteractionRecorded.class,
                    Long.class, Long.class, Long.class, String.class, String.class, String.class, String.class,
                    String.class, java.time.Instant.class)
            .orShould().callMethod(io.omnihub.store.interaction.InteractionRepository.class, "save", Object.class)
            .because("Timeline.record stores an interaction with its InteractionRecorded event, in one place");

    static final ArchRule OUTBOX_ONLY_IN_THE_STORE = noClasses().that().resideOutsideOfPackage("io.omnihub.store..")
            .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "the outbox's append", call -> call.getTargetOwner().getName()
                            .equals("io.omnihub.store.outbox.OutboxWriter")
                            && call.getName().equals("append")))
            .because("an event is written in the transaction of the change it describes, by the store");

    static final ArchRule SQL_ONLY_IN_THE_STORE = noClasses().that().resideOutsideOfPackage("io.omnihub.store..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
            .orShould().dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate")
            .because("an erasure or a report must find every table that refers to a customer in one module");

    private static ArchRule noCyclesIn(String module) {
        return slices().matching("io.omnihub." + module + ".(*)..").namingSlices("$1 in " + module)
                .should().beFreeOfCycles();
    }

    @Test
    void connectorsKnowNothingOfTheStoreTheRoutesOrTheConsole() {
        CONNECTORS_STAY_CHANNELS.check(hub);
    }

    @Test
    void theStoreKnowsNothingOfChannelsRoutesOrTheConsole() {
        STORE_CALLS_NO_ONE.check(hub);
    }

    @Test
    void theConsoleNeverCallsAChannelOrARoute() {
        CONSOLE_CALLS_NO_CHANNEL.check(hub);
    }

    @Test
    void noPackageCyclesInsideAModule() {
        for (String module : new String[] {"store", "connectors", "routes", "console"}) {
            noCyclesIn(module).check(hub);
        }
    }

    @Test
    void everyInteractionReachesTheTimelineThroughTheStore() {
        TIMELINE_THROUGH_THE_STORE.check(hub);
    }

    @Test
    void onlyTheStoreAppendsToTheOutbox() {
        OUTBOX_ONLY_IN_THE_STORE.check(hub);
    }

    @Test
    void onlyTheStoreWritesSql() {
        SQL_ONLY_IN_THE_STORE.check(hub);
    }

    /**
     * Each rule refuses a class that breaks it: the breaches in {@code io.omnihub.*.breach} (test
     * sources only, never in the hub's own import above) are what a careless change would write.
     */
    @Test
    void everyRuleRefusesTheBreachItIsAbout() {
        JavaClasses breaches = new ClassFileImporter().importPackages("io.omnihub.connectors.breach",
                "io.omnihub.store.breach", "io.omnihub.console.breach", "io.omnihub.routes.breacha",
                "io.omnihub.routes.breachb");
        assertThat(breaches.size()).as("the breach fixtures are on the test class path").isGreaterThanOrEqualTo(5);
        for (ArchRule rule : List.of(CONNECTORS_STAY_CHANNELS, STORE_CALLS_NO_ONE, CONSOLE_CALLS_NO_CHANNEL,
                NO_CYCLES_IN_ROUTES, TIMELINE_THROUGH_THE_STORE, OUTBOX_ONLY_IN_THE_STORE, SQL_ONLY_IN_THE_STORE)) {
            assertThatThrownBy(() -> rule.check(breaches)).as(rule.getDescription())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("breach");
        }
    }
}
