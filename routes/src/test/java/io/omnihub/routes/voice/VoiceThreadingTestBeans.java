package io.omnihub.routes.voice;

import io.omnihub.routes.email.EmailThreadingTestBeans;
import io.omnihub.store.conversation.ConversationRepository;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The voice threading rule on the real conversation repository. */
@TestConfiguration(proxyBeanMethods = false)
public class VoiceThreadingTestBeans {

    @Bean
    public VoiceThreading voiceThreading(ConversationRepository conversations, Clock clock) {
        return new VoiceThreading(conversations, EmailThreadingTestBeans.REOPEN_WINDOW, clock);
    }
}
