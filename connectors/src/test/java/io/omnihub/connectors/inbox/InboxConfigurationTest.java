package io.omnihub.connectors.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.connectors.ConnectorsConfiguration;
import io.omnihub.connectors.chat.ChatInboxes;
import io.omnihub.connectors.email.MailInboxes;
import io.omnihub.connectors.twilio.TwilioInboxes;
import io.omnihub.connectors.webform.WebFormInboxes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The inbox configuration as a hub reads it: the common settings bound by the inbox package, each channel's
 * block bound by the channel's own package, and every mistake stopping start-up with the setting to fix.
 */
class InboxConfigurationTest {

    private final ApplicationContextRunner hub = new ApplicationContextRunner()
            .withUserConfiguration(ConnectorsConfiguration.class, ConfiguredChannels.class);

    private static final String[] MAILBOX = {
            "omnihub.inboxes.support.channel=email",
            "omnihub.inboxes.support.email.address=support@example.com",
            "omnihub.inboxes.support.email.imap.host=imap.example.com",
            "omnihub.inboxes.support.email.imap.username=support",
            "omnihub.inboxes.support.email.imap.password=secret",
            "omnihub.inboxes.support.email.smtp.host=smtp.example.com"};

    @Test
    void eachChannelSeesOnlyItsOwnInboxes() {
        hub.withPropertyValues(MAILBOX)
                .withPropertyValues("omnihub.inboxes.contact.channel=webform",
                        "omnihub.inboxes.contact.name=Contact form",
                        "omnihub.inboxes.contact.webform.fields.email=mail",
                        "omnihub.inboxes.contact.reply-mailbox=support",
                        "omnihub.inboxes.widget.channel=chat",
                        "omnihub.inboxes.widget.chat.allowed-origins=https://shop.example.com")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ConfiguredChannels.class).channels())
                            .containsExactlyInAnyOrder("webform", "email", "sms", "chat");
                    WebFormInboxes forms = context.getBean(WebFormInboxes.class);
                    assertThat(forms.webform("contact")).hasValueSatisfying(
                            form -> assertThat(form.fields().email()).isEqualTo("mail"));
                    assertThat(forms.webform("support")).isEmpty();
                    assertThat(context.getBean(ChatInboxes.class).chat("widget")).isPresent();
                    assertThat(context.getBean(ChatInboxes.class).chat("contact")).isEmpty();
                    assertThat(context.getBean(MailInboxes.class).mailboxes()).containsOnlyKeys("support");
                    assertThat(context.getBean(TwilioInboxes.class).twilioInboxes()).isEmpty();
                    InboxSettings contact = context.getBean(InboxesProperties.class).find("contact").orElseThrow();
                    assertThat(contact.displayName("contact")).isEqualTo("Contact form");
                    assertThat(contact.replyMailbox()).isEqualTo("support");
                });
    }

    @Test
    void anInboxOfAChannelNoPackageServesStopsTheHub() {
        hub.withPropertyValues("omnihub.inboxes.fax-line.channel=fax").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessage(
                        "omnihub.inboxes.fax-line.channel must be one of [chat, email, sms, webform], not 'fax'"));
    }

    @Test
    void anInboxWithoutItsChannelsBlockStopsTheHub() {
        hub.withPropertyValues("omnihub.inboxes.contact.channel=webform").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageStartingWith(
                        "omnihub.inboxes.contact.webform is required for a webform inbox"));
        hub.withPropertyValues("omnihub.inboxes.texts.channel=sms").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageStartingWith(
                        "omnihub.inboxes.texts.twilio is required for an sms inbox"));
    }

    @Test
    void aBlockThatFailsItsChannelsCheckNamesTheSetting() {
        hub.withPropertyValues("omnihub.inboxes.widget.channel=chat",
                        "omnihub.inboxes.widget.chat.title=Help")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageStartingWith(
                        "omnihub.inboxes.widget.chat.allowed-origins must name at least one site"));
        hub.withPropertyValues("omnihub.inboxes.support.channel=email",
                        "omnihub.inboxes.support.email.address=not-an-address")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageStartingWith(
                        "omnihub.inboxes.support.email.address"));
    }

    @Test
    void replyInboxesMustBeInboxesThatCanSendOnTheirChannel() {
        hub.withPropertyValues(MAILBOX)
                .withPropertyValues("omnihub.inboxes.widget.channel=chat",
                        "omnihub.inboxes.widget.chat.allowed-origins=https://shop.example.com",
                        "omnihub.inboxes.widget.reply-mailbox=widget")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessage(
                        "omnihub.inboxes.widget.reply-mailbox: 'widget' is not an email inbox with SMTP settings"));
        hub.withPropertyValues(MAILBOX)
                .withPropertyValues("omnihub.inboxes.support.reply-sms=support")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessage(
                        "omnihub.inboxes.support.reply-sms: 'support' is not an sms inbox"));
    }

    @Test
    void commonSettingsAreCheckedWhateverTheChannel() {
        hub.withPropertyValues(MAILBOX).withPropertyValues("omnihub.inboxes.support.routing=ROUND_ROBIN")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageStartingWith(
                        "omnihub.inboxes.support.routing ROUND_ROBIN needs a team"));
        hub.withPropertyValues("omnihub.inboxes.Support.channel=email").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("an inbox key is lower-case letters"));
    }

    @Test
    void aMailboxMaySendOnlyButNotDoNeither() {
        hub.withPropertyValues("omnihub.inboxes.replies.channel=email",
                        "omnihub.inboxes.replies.email.address=replies@example.com",
                        "omnihub.inboxes.replies.email.smtp.host=smtp.example.com",
                        "omnihub.inboxes.contact.channel=webform",
                        "omnihub.inboxes.contact.webform.fields.email=email",
                        "omnihub.inboxes.contact.reply-mailbox=replies")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MailInboxes.class).mailbox("replies").orElseThrow().receives())
                            .isFalse();
                });
        hub.withPropertyValues("omnihub.inboxes.support.channel=email",
                        "omnihub.inboxes.support.email.address=support@example.com")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining(
                        "omnihub.inboxes.support.email: a mailbox needs imap (to receive mail), smtp (to send "
                                + "replies), or both"));
    }
}
