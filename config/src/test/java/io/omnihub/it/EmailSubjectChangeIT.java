package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A mailbox set to split on subject change ({@code ack} in the "it" profile): a reply that keeps
 * the topic stays in its conversation; a reply about something else entirely opens a new
 * conversation, linked to the one it answered.
 */
@WithRunningHub
class EmailSubjectChangeIT {

    @Autowired
    MailServer mail;
    @Autowired
    JdbcTemplate jdbc;

    private Map<String, Object> interaction(String externalId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, externalId) == 1);
        return jdbc.queryForMap("select i.conversation_id, c.threading_rule, c.previous_conversation_id "
                + "from interaction i join conversation c on c.id = i.conversation_id where i.external_id = ?",
                externalId);
    }

    private static String raw(String from, String id, String subject, String inReplyTo) {
        return "From: " + from + "\r\nTo: ack@hub.test\r\nSubject: " + subject + "\r\nMessage-ID: <" + id + ">\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\r\n") + "\r\nText\r\n";
    }

    @Test
    void aReplyAboutSomethingElseOpensALinkedConversation() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String customer = "topic-" + u + "@example.com";
        mail.deliver("ack", raw(customer, "t1-" + u + "@example.com", "Broken zipper on my jacket", null));
        Object first = interaction("t1-" + u + "@example.com").get("conversation_id");

        mail.deliver("ack", raw(customer, "t2-" + u + "@example.com", "Re: broken zipper", "t1-" + u + "@example.com"));
        Map<String, Object> sameTopic = interaction("t2-" + u + "@example.com");
        assertThat(sameTopic.get("conversation_id")).isEqualTo(first);

        mail.deliver("ack", raw(customer, "t3-" + u + "@example.com", "Re: Invoice for March", "t2-" + u + "@example.com"));
        Map<String, Object> otherTopic = interaction("t3-" + u + "@example.com");
        assertThat(otherTopic.get("conversation_id")).isNotEqualTo(first);
        assertThat(otherTopic.get("threading_rule")).isEqualTo("subject-changed");
        assertThat(otherTopic.get("previous_conversation_id")).isEqualTo(first);
    }
}
