package io.omnihub.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailPropertiesTest {

    private final EmailProperties email = new EmailProperties("[#{id}]", null);

    @Test
    void prefixesTokensAndCaseDoNotChangeTheTopic() {
        assertThat(email.sameTopic("Re: AW: [#42] Broken ENGINE", "Broken engine")).isTrue();
        assertThat(email.sameTopic("Fwd: broken engine, part 2", "Broken engine")).isTrue();
        assertThat(email.sameTopic("Re:", "Broken engine")).isTrue();
    }

    @Test
    void aSubjectWithNothingInCommonIsAnotherTopic() {
        assertThat(email.sameTopic("Re: Invoice for March", "Broken engine")).isFalse();
    }

    @Test
    void theTokenIsAddedOnce() {
        assertThat(email.withToken("Re: Broken engine", 42)).isEqualTo("Re: Broken engine [#42]");
        assertThat(email.withToken("Re: Broken engine [#42]", 42)).isEqualTo("Re: Broken engine [#42]");
    }
}
