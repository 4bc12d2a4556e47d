package io.omnihub.routes.correlation;

import io.omnihub.routes.email.EmailThreadingTestBeans;
import io.omnihub.routes.voice.VoiceThreadingTestBeans;
import io.omnihub.routes.webform.WebFormThreadingTestBeans;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.customer.ContactPointNormalizer;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.CustomerRepository;
import io.omnihub.store.interaction.InteractionRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Exactly the routes beans that decide who wrote and which conversation it continues, built on the
 * store's real repositories, with a clock that stands still at {@link #NOW}: the threading rules of
 * email, voice and web forms, the threader, and customer identity. No Camel, no JMS.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({EmailThreadingTestBeans.class, VoiceThreadingTestBeans.class, WebFormThreadingTestBeans.class})
public class ThreadingTestConfiguration {

    /** What every rule under test takes for "now". */
    public static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    @Bean
    @Primary
    public Clock threadingTestClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    ConversationThreader conversationThreader(List<ThreadingRule> rules, ConversationRepository conversations,
            InteractionRepository interactions, Clock clock) {
        return new ConversationThreader(rules, conversations, interactions, EmailThreadingTestBeans.REOPEN_WINDOW,
                clock);
    }

    @Bean
    CustomerIdentity customerIdentity(ContactPointNormalizer normalizer, ContactPointRepository contactPoints,
            CustomerRepository customers, Clock clock) {
        return new CustomerIdentity(normalizer, contactPoints, customers, clock);
    }
}
