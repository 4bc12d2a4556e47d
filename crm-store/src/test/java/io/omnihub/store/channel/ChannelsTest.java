package io.omnihub.store.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.store.customer.ContactPointType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelsTest {

    record Type(String key, ReplyAddressing addressing, boolean places) implements ChannelType {
        @Override
        public String label() {
            return key;
        }

        @Override
        public Optional<ReplyAddressing> replies() {
            return Optional.ofNullable(addressing);
        }

        @Override
        public boolean sends() {
            return places || ChannelType.super.sends();
        }
    }

    private final Channels channels = new Channels(List.of(
            new Type("sms", ReplyAddressing.toContact(ContactPointType.PHONE, "reply-sms", "phone number"), false),
            new Type("webform", null, false),
            new Type("voice", null, true),
            new Type("chat", ReplyAddressing.liveSessionOnly("chat"), false)));

    @Test
    void whatTheTypesSayIsWhatTheHubDoes() {
        assertThat(channels.keys()).containsExactly("chat", "sms", "voice", "webform");
        assertThat(channels.answered()).extracting(ChannelType::key).containsExactly("chat", "sms");
        assertThat(channels.sending()).containsExactly("chat", "sms", "voice");
        assertThat(channels.answers("webform")).isFalse();
        assertThat(channels.answers("fax")).isFalse();
        assertThat(channels.answers(null)).isFalse();
        assertThat(channels.addressing("chat").orElseThrow().reachesFromOtherChannels()).isFalse();
        assertThat(channels.addressing("sms").orElseThrow().reachesFromOtherChannels()).isTrue();
    }

    @Test
    void anAddressIsRecognisedByTheKindOfContactItIs() {
        ReplyAddressing email = ReplyAddressing.toContact(ContactPointType.EMAIL, "reply-mailbox", "email address");
        ReplyAddressing phone = ReplyAddressing.toContact(ContactPointType.PHONE, "reply-sms", "phone number");
        assertThat(email.addresses("ana@example.com")).isTrue();
        assertThat(email.addresses("+15550100")).isFalse();
        assertThat(phone.addresses("+15550100")).isTrue();
        assertThat(phone.addresses("anonymous")).isFalse();
        assertThat(ReplyAddressing.liveSessionOnly("chat").addresses("ana@example.com")).isFalse();
        assertThat(email.addresses(null)).isFalse();
    }

    @Test
    void twoSlicesClaimingOneKeyStopTheHub() {
        assertThatThrownBy(() -> new Channels(List.of(new Type("sms", null, false), new Type("sms", null, true))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two channels claim the key 'sms'");
    }
}
