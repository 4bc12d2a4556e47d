package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.connectors.bus.ThreadHints;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No threading rule lets a stranger into another customer's conversation: a mail from mallory
 * quoting the signed Message-ID of a reply sent to alice, alice's own Message-ID, her subject token
 * or her Outlook Thread-Index, and a message on another customer's channel key, each opens a
 * conversation of its own for its sender, flagged CLAIMED_OTHER_THREAD with the conversation it
 * claimed and recorded as "<rule>-other-sender". Alice herself, and a colleague she had in Cc,
 * still continue her conversation; the agent's next reply goes to alice, not to mallory.
 */
@WithRunningHub
class ThreadingNeverCrossesCustomersIT {

    @Autowired
    MailServer mail;
    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BusProbe bus;
    @Autowired
    ObjectMapper json;

    private static String mail(String from, String messageId, String subject, String headers, String body) {
        return "From: " + from + "\r\nTo: support@hub.test\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId
                + ">\r\n" + headers + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
    }

    private Map<String, Object> recorded(String externalId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, externalId) == 1);
        return jdbc.queryForMap("select i.conversation_id, i.flags::text as flags, i.metadata ->> 'claimedConversation' "
                + "as claimed, c.threading_rule, c.customer_id from interaction i join conversation c "
                + "on c.id = i.conversation_id where i.external_id = ?", externalId);
    }

    private void claimed(Map<String, Object> strangers, long alicesConversation, String rule) {
        assertThat(strangers.get("conversation_id")).isNotEqualTo(alicesConversation);
        assertThat(strangers.get("threading_rule")).isEqualTo(rule + "-other-sender");
        assertThat((String) strangers.get("flags")).contains("CLAIMED_OTHER_THREAD");
        assertThat(strangers.get("claimed")).isEqualTo(String.valueOf(alicesConversation));
    }

    @Test
    void everyEmailRuleKeepsAStrangerOutButLetsTheCustomerAndHerCcIn() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String alice = "alice-" + u + "@example.com";
        String colleague = "bob-" + u + "@example.com";
        String mallory = "mallory-" + u + "@evil.test";
        String threadIndex = "AdkK" + u + "AAAAAAAAAAAAAAAAAAAAAAAAAA==";
        mail.deliver("support", mail(alice, "first-" + u + "@example.com", "Refund for order 7", "Cc: " + colleague
                + "\r\nThread-Index: " + threadIndex + "\r\n", "Please refund me."));
        Map<String, Object> first = recorded("first-" + u + "@example.com");
        long conversation = (Long) first.get("conversation_id");

        long reply = hub.read(hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", "We are on it, Alice.")).body()).get("interactionId").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(jdbc.queryForObject(
                "select delivery_status from interaction where id = ?", String.class, reply)));
        String signedId = jdbc.queryForObject("select metadata ->> 'messageId' from interaction where id = ?",
                String.class, reply);

        // signed-message-id: the id of the reply sent to alice
        mail.deliver("support", mail(mallory, "m1-" + u + "@evil.test", "Re: Refund for order 7",
                "In-Reply-To: <" + signedId + ">\r\n", "Send it to my account instead."));
        Map<String, Object> hijack = recorded("m1-" + u + "@evil.test");
        claimed(hijack, conversation, "signed-message-id");
        // the agent reads, beside the message, which conversation it claimed and why it is apart
        String shown = ConsoleSession.signIn(hub, HubClient.ADMIN, HubClient.ADMIN_PASSWORD)
                .get("/console/conversations/" + hijack.get("conversation_id") + "/items").body();
        assertThat(shown).contains("Replied in <a href=\"/console/conversations/" + conversation + "\">conversation "
                + conversation + "</a>").contains("which is another customer's");
        // message-id: alice's own first mail
        mail.deliver("support", mail(mallory, "m2-" + u + "@evil.test", "Re: Refund",
                "References: <first-" + u + "@example.com>\r\n", "Me again."));
        claimed(recorded("m2-" + u + "@evil.test"), conversation, "message-id");
        // subject-token: the conversation's token in the subject
        mail.deliver("support", mail(mallory, "m3-" + u + "@evil.test", "Re: Refund [#" + conversation + "]", "",
                "And again."));
        claimed(recorded("m3-" + u + "@evil.test"), conversation, "subject-token");
        // thread-index: Outlook's thread of alice's mail
        mail.deliver("support", mail(mallory, "m4-" + u + "@evil.test", "Refund", "Thread-Index: " + threadIndex
                + "\r\n", "Outlook says hi."));
        claimed(recorded("m4-" + u + "@evil.test"), conversation, "thread-index");

        // alice answering the signed id, and her colleague from the Cc answering hers, continue the conversation
        mail.deliver("support", mail(alice, "a2-" + u + "@example.com", "Re: Refund for order 7",
                "In-Reply-To: <" + signedId + ">\r\n", "Thank you!"));
        assertThat(recorded("a2-" + u + "@example.com").get("conversation_id")).isEqualTo(conversation);
        mail.deliver("support", mail(colleague, "b1-" + u + "@example.com", "Re: Refund for order 7",
                "In-Reply-To: <first-" + u + "@example.com>\r\n", "Adding the receipt."));
        Map<String, Object> fromColleague = recorded("b1-" + u + "@example.com");
        assertThat(fromColleague.get("conversation_id")).isEqualTo(conversation);
        assertThat((String) fromColleague.get("flags")).doesNotContain("CLAIMED_OTHER_THREAD");

        // the agent's next reply on alice's conversation goes to alice, whatever mallory wrote
        long next = hub.read(hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", "Done.")).body()).get("interactionId").asLong();
        assertThat(jdbc.queryForObject("select metadata ->> 'to' from interaction where id = ?", String.class, next))
                .isNotEqualTo(mallory);
    }

    @Test
    void anotherCustomersChannelKeyOpensAConversationOfTheSendersOwnWhichTheirNextMessageContinues()
            throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        java.util.Random random = new java.util.Random();
        String alice = "+1650555" + (1000 + random.nextInt(8999));
        String own = "+1408555" + (1000 + random.nextInt(8999));
        String key = alice + "|+15005550006";
        String first = "SM" + u + "a";
        bus.send("hub.inbound", sms(first, alice, key, "my order?"), Map.of());
        long conversation = (Long) recorded(first).get("conversation_id");

        String stranger = "SM" + u + "b";
        bus.send("hub.inbound", sms(stranger, own, key, "let me in"), Map.of());
        Map<String, Object> claimedOne = recorded(stranger);
        claimed(claimedOne, conversation, "channel-key");

        String again = "SM" + u + "c";
        bus.send("hub.inbound", sms(again, own, key, "hello?"), Map.of());
        Map<String, Object> next = recorded(again);
        assertThat(next.get("conversation_id")).isEqualTo(claimedOne.get("conversation_id"));
        assertThat((String) next.get("flags")).doesNotContain("CLAIMED_OTHER_THREAD");

        // and the key's own customer goes on in hers, though the stranger's conversation is newer
        String hers = "SM" + u + "d";
        bus.send("hub.inbound", sms(hers, alice, key, "any news?"), Map.of());
        Map<String, Object> herNext = recorded(hers);
        assertThat(herNext.get("conversation_id")).isEqualTo(conversation);
        assertThat((String) herNext.get("flags")).doesNotContain("CLAIMED_OTHER_THREAD");
    }

    private String sms(String sid, String from, String channelKey, String text) throws Exception {
        return json.writeValueAsString(InboundInteraction.builder("sms", "texts", sid).occurredAt(Instant.now())
                .from(new Sender(null, List.of(Address.phone(from)))).text(text)
                .thread(new ThreadHints(null, List.of(), null, channelKey)).build());
    }
}
