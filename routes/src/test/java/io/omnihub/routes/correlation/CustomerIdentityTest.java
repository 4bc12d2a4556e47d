package io.omnihub.routes.correlation;

import static io.omnihub.routes.correlation.TestInbound.phoneNumber;
import static io.omnihub.routes.correlation.TestInbound.unique;
import static io.omnihub.routes.correlation.ThreadingTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.AddressType;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.routes.errors.PermanentFailure;
import io.omnihub.store.customer.ContactPoint;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.customer.CustomerMerges;
import io.omnihub.store.customer.CustomerRepository;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who an interaction comes from ({@link CustomerIdentity}): the first known address decides the
 * customer, unknown addresses are learned by that customer, an address of someone else is reported
 * and never merged; an agent attaching a held interaction chooses the customer, whose merges are
 * followed.
 */
@WithThreadingStore
class CustomerIdentityTest {

    @Autowired
    CustomerIdentity identity;
    @Autowired
    CustomerRepository customers;
    @Autowired
    ContactPointRepository contactPoints;
    @Autowired
    CustomerMerges merges;
    @Autowired
    EntityManager entities;

    String u;

    @BeforeEach
    void unique_() {
        u = unique();
    }

    // --- resolve ---------------------------------------------------------------------------------

    @Test
    void aFirstMessageFromAnUnknownAddressCreatesItsCustomer() {
        IdentityResolution who = identity.resolve(new Sender("Ana Souza",
                List.of(Address.email("  Ana.Souza+Orders-" + u + "@Example.COM "))), "email:support");

        assertThat(who.created()).isTrue();
        assertThat(who.conflictingCustomers()).isEmpty();
        assertThat(who.customer().getDisplayName()).isEqualTo("Ana Souza");
        assertThat(who.customer().getCreatedAt()).isEqualTo(NOW);
        assertThat(contactPoints.findByCustomerIdOrderByIdAsc(who.customer().getId()))
                .extracting(ContactPoint::getType, ContactPoint::getValue, ContactPoint::getSource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ContactPointType.EMAIL,
                        "ana.souza+orders-" + u + "@example.com", "email:support"));
    }

    @Test
    void theSameAddressInAnotherCaseWithSpacesAndBracketsFindsTheSameCustomer() {
        Customer ana = identity.resolve(email("Ana Souza", "ana.souza-" + u + "@example.com"), "email:support")
                .customer();

        IdentityResolution again = identity.resolve(email("ANA SOUZA", " <Ana.Souza-" + u + "@EXAMPLE.com> "),
                "webform:contact");

        assertThat(again.created()).isFalse();
        assertThat(again.customer().getId()).isEqualTo(ana.getId());
        assertThat(again.conflictingCustomers()).isEmpty();
        assertThat(contactPoints.findByCustomerIdOrderByIdAsc(ana.getId())).hasSize(1);
        assertThat(again.customer().getDisplayName()).isEqualTo("Ana Souza");
    }

    @Test
    void aNewAddressIsLearnedByTheCustomerTheKnownOneNames() {
        Customer ana = identity.resolve(email("Ana Souza", "ana.souza-" + u + "@example.com"), "email:support")
                .customer();
        String mobile = phoneNumber();
        String typed = "(" + mobile.substring(2, 5) + ") " + mobile.substring(5, 8) + "-" + mobile.substring(8);

        IdentityResolution who = identity.resolve(new Sender("Ana Souza", List.of(
                Address.email("Ana.Souza-" + u + "@example.com"), Address.phone(typed))), "webform:contact");

        assertThat(who.customer().getId()).isEqualTo(ana.getId());
        assertThat(who.created()).isFalse();
        ContactPoint learned = contactPoints.findByTypeAndValue(ContactPointType.PHONE, mobile).orElseThrow();
        assertThat(learned.getCustomerId()).isEqualTo(ana.getId());
        assertThat(learned.getSource()).isEqualTo("webform:contact");
        assertThat(learned.isVerified()).isFalse();
    }

    @Test
    void anAddressOfAnotherCustomerIsReportedAsAConflictNotMerged() {
        Customer ana = identity.resolve(email("Ana Souza", "ana.souza-" + u + "@example.com"), "email:support")
                .customer();
        String brunosPhone = phoneNumber();
        Customer bruno = identity.resolve(new Sender("Bruno Lima", List.of(Address.phone(brunosPhone))), "sms:texts")
                .customer();

        // a form where Ana gave her e-mail and, by mistake or as a household, Bruno's number
        IdentityResolution who = identity.resolve(new Sender("Ana Souza", List.of(
                Address.email("ana.souza-" + u + "@example.com"), Address.phone(brunosPhone))), "webform:contact");

        assertThat(who.customer().getId()).isEqualTo(ana.getId());
        assertThat(who.created()).isFalse();
        assertThat(who.conflictingCustomers()).containsExactly(bruno.getId());
        assertThat(contactPoints.findByTypeAndValue(ContactPointType.PHONE, brunosPhone).orElseThrow()
                .getCustomerId()).isEqualTo(bruno.getId());
        assertThat(customers.findById(bruno.getId()).orElseThrow().getMergedIntoId()).isNull();
    }

    @Test
    void theFirstKnownAddressDecidesTheCustomer() {
        Customer ana = identity.resolve(email("Ana Souza", "ana.souza-" + u + "@example.com"), "email:support")
                .customer();
        String brunosPhone = phoneNumber();
        Customer bruno = identity.resolve(new Sender("Bruno Lima", List.of(Address.phone(brunosPhone))), "sms:texts")
                .customer();
        String unknown = "ana.work-" + u + "@example.org";

        IdentityResolution who = identity.resolve(new Sender(null, List.of(Address.email(unknown),
                Address.phone(brunosPhone), Address.email("ana.souza-" + u + "@example.com"))), "webform:contact");

        assertThat(who.customer().getId()).isEqualTo(bruno.getId());
        assertThat(who.conflictingCustomers()).containsExactly(ana.getId());
        assertThat(contactPoints.findByTypeAndValue(ContactPointType.EMAIL, unknown).orElseThrow().getCustomerId())
                .isEqualTo(bruno.getId());
    }

    @Test
    void anAddressGivenTwiceIsStoredOnce() {
        IdentityResolution who = identity.resolve(new Sender("Carla Mendes", List.of(
                Address.email("carla-" + u + "@example.com"), Address.email(" CARLA-" + u + "@Example.com"))),
                "webform:contact");

        assertThat(who.created()).isTrue();
        assertThat(contactPoints.findByCustomerIdOrderByIdAsc(who.customer().getId())).hasSize(1);
    }

    @Test
    void aCustomerWithoutANameLearnsTheOneTheSenderGivesButKeepsAName() {
        String number = phoneNumber();
        Customer texter = identity.resolve(new Sender(null, List.of(Address.phone(number))), "sms:texts").customer();
        assertThat(texter.getDisplayName()).isNull();

        Customer named = identity.resolve(new Sender("  Dario Rossi ", List.of(Address.phone(number))),
                "webform:contact").customer();
        Customer renamed = identity.resolve(new Sender("D. R.", List.of(Address.phone(number))), "webform:contact")
                .customer();

        assertThat(named.getId()).isEqualTo(texter.getId());
        assertThat(named.getDisplayName()).isEqualTo("Dario Rossi");
        assertThat(renamed.getDisplayName()).isEqualTo("Dario Rossi");
    }

    @Test
    void anAddressOfAMergedCustomerBelongsToTheSurvivor() {
        Customer survivor = identity.resolve(email("Ana Souza", "ana.souza-" + u + "@example.com"), "email:support")
                .customer();
        String number = phoneNumber();
        Customer merged = identity.resolve(new Sender(null, List.of(Address.phone(number))), "sms:texts").customer();
        entities.flush();
        merges.merge(survivor.getId(), merged.getId(), "supervisor");
        entities.clear();

        IdentityResolution who = identity.resolve(new Sender(null, List.of(Address.phone(number),
                Address.email("ana.souza-" + u + "@example.com"))), "sms:texts");

        assertThat(who.customer().getId()).isEqualTo(survivor.getId());
        assertThat(who.created()).isFalse();
        assertThat(who.conflictingCustomers()).isEmpty();
    }

    @Test
    void aMessageNamingNoSenderAddressIsAPermanentFailure() {
        assertThatThrownBy(() -> identity.resolve(new Sender("Nobody", List.of()), "email:support"))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("names no sender address");
        assertThatThrownBy(() -> identity.resolve(null, "email:support"))
                .isInstanceOf(PermanentFailure.class);
    }

    @Test
    void anUnreadableSenderAddressIsAPermanentFailureAndCreatesNoCustomer() {
        long before = customers.count();

        assertThatThrownBy(() -> identity.resolve(new Sender("Eve", List.of(
                Address.email("eve-" + u + "@example.com"), Address.email("eve at example dot com"))), "webform:contact"))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("EMAIL");
        assertThatThrownBy(() -> identity.resolve(new Sender("Eve", List.of(new Address(AddressType.PHONE, "call me"))),
                "webform:contact")).isInstanceOf(PermanentFailure.class).hasMessageContaining("PHONE");

        assertThat(customers.count()).isEqualTo(before);
        assertThat(contactPoints.findByTypeAndValue(ContactPointType.EMAIL, "eve-" + u + "@example.com")).isEmpty();
    }

    // --- attach (an agent chose the customer of a held interaction) ------------------------------

    @Test
    void attachingAddsTheSendersUnknownAddressesToTheChosenCustomer() {
        Customer ana = identity.resolve(email("Ana Souza", "ana.souza-" + u + "@example.com"), "email:support")
                .customer();

        IdentityResolution who = identity.attach(ana.getId(), email("Ana S.", " Ana.Private-" + u + "@GMAIL.com"),
                "email:support");

        assertThat(who.customer().getId()).isEqualTo(ana.getId());
        assertThat(who.created()).isFalse();
        assertThat(who.conflictingCustomers()).isEmpty();
        assertThat(contactPoints.findByTypeAndValue(ContactPointType.EMAIL, "ana.private-" + u + "@gmail.com")
                .orElseThrow().getCustomerId()).isEqualTo(ana.getId());
    }

    @Test
    void attachingReportsAnAddressOfAnotherCustomerAndLeavesItWhereItIs() {
        Customer ana = identity.resolve(email("Ana Souza", "ana.souza-" + u + "@example.com"), "email:support")
                .customer();
        Customer bruno = identity.resolve(email("Bruno Lima", "bruno.lima-" + u + "@example.com"), "email:support")
                .customer();

        IdentityResolution who = identity.attach(ana.getId(), email("Bruno Lima", "Bruno.Lima-" + u + "@example.com"),
                "email:support");

        assertThat(who.customer().getId()).isEqualTo(ana.getId());
        assertThat(who.conflictingCustomers()).containsExactly(bruno.getId());
        assertThat(contactPoints.findByTypeAndValue(ContactPointType.EMAIL, "bruno.lima-" + u + "@example.com")
                .orElseThrow().getCustomerId()).isEqualTo(bruno.getId());
    }

    @Test
    void attachingSkipsAnUnreadableAddressAndAcceptsNoSenderAtAll() {
        Customer ana = identity.resolve(email("Ana Souza", "ana.souza-" + u + "@example.com"), "email:support")
                .customer();

        IdentityResolution garbled = identity.attach(ana.getId(), new Sender("?", List.of(
                Address.email("undisclosed-recipients:;"), Address.phone("+1 650 555"))),
                "email:support");
        IdentityResolution none = identity.attach(ana.getId(), null, "email:support");

        assertThat(garbled.customer().getId()).isEqualTo(ana.getId());
        assertThat(garbled.conflictingCustomers()).isEmpty();
        assertThat(none.customer().getId()).isEqualTo(ana.getId());
        assertThat(contactPoints.findByCustomerIdOrderByIdAsc(ana.getId())).hasSize(1);
    }

    @Test
    void attachingToAMergedCustomerAttachesToTheSurvivor() {
        Customer survivor = identity.resolve(email("Ana Souza", "ana.souza-" + u + "@example.com"), "email:support")
                .customer();
        Customer merged = identity.resolve(email(null, "a.souza-" + u + "@example.net"), "email:support").customer();
        entities.flush();
        merges.merge(survivor.getId(), merged.getId(), "supervisor");
        entities.clear();

        IdentityResolution who = identity.attach(merged.getId(), email(null, "ana.s-" + u + "@example.org"),
                "email:support");

        assertThat(who.customer().getId()).isEqualTo(survivor.getId());
        assertThat(contactPoints.findByTypeAndValue(ContactPointType.EMAIL, "ana.s-" + u + "@example.org")
                .orElseThrow().getCustomerId()).isEqualTo(survivor.getId());
    }

    @Test
    void attachingToACustomerThatDoesNotExistIsAPermanentFailure() {
        assertThatThrownBy(() -> identity.attach(Long.MAX_VALUE - 7, email("Ana", "ana-" + u + "@example.com"),
                "email:support")).isInstanceOf(PermanentFailure.class).hasMessageContaining("no customer");
    }

    private static Sender email(String name, String address) {
        return new Sender(name, List.of(Address.email(address)));
    }
}
