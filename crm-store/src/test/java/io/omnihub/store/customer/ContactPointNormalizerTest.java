package io.omnihub.store.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContactPointNormalizerTest {

    private final ContactPointNormalizer us = new ContactPointNormalizer("US");
    private final ContactPointNormalizer de = new ContactPointNormalizer("de");

    @Test
    void emailIsTrimmedAndLowerCased() {
        assertThat(us.email("  Ana.Lopez@Example.COM ")).isEqualTo("ana.lopez@example.com");
        assertThat(us.email("<ana@example.com>")).isEqualTo("ana@example.com");
    }

    @Test
    void emailWithoutDomainOrWithSpacesIsRefused() {
        assertThatThrownBy(() -> us.email("ana")).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> us.email("ana@localhost")).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> us.email("ana lopez@example.com")).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> us.email(" ")).isInstanceOf(InvalidAddressException.class);
    }

    @Test
    void nationalPhoneFormatsBecomeE164InTheDefaultRegion() {
        assertThat(us.phone("(415) 555-2671")).isEqualTo("+14155552671");
        assertThat(us.phone("415.555.2671")).isEqualTo("+14155552671");
        assertThat(us.phone("+1 415 555 2671")).isEqualTo("+14155552671");
        assertThat(de.phone("030 1234567")).isEqualTo("+49301234567");
        assertThat(de.phone("+49 (0)30 1234567")).isEqualTo("+49301234567");
    }

    @Test
    void internationalNumbersIgnoreTheDefaultRegion() {
        assertThat(us.phone("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(de.phone("0044 20 7946 0958")).isEqualTo("+442079460958");
    }

    @Test
    void textThatIsNoPhoneNumberIsRefused() {
        assertThatThrownBy(() -> us.phone("call me")).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> us.phone("12")).isInstanceOf(InvalidAddressException.class);
    }

    @Test
    void unknownDefaultRegionFailsAtStartWithTheSettingNamed() {
        assertThatThrownBy(() -> new ContactPointNormalizer("XX"))
                .hasMessageContaining("omnihub.identity.default-region");
    }

    @Test
    void keyNamesTypeAndValue() {
        assertThat(us.normalize(ContactPointType.EMAIL, "A@B.io").key()).isEqualTo("email:a@b.io");
        assertThat(us.normalize(ContactPointType.PHONE, "+14155552671").key()).isEqualTo("phone:+14155552671");
    }
}
