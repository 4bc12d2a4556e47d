package io.omnihub.routes.sms;

import io.omnihub.routes.correlation.InteractionStored;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** An SMS that says STOP, START or one of the inbox's own words changes the number's consent. */
@Component
class ConsentFollowsKeywords {

    private final SmsConsentKeywords keywords;

    ConsentFollowsKeywords(SmsConsentKeywords keywords) {
        this.keywords = keywords;
    }

    @EventListener
    @Order(InteractionStored.CONSENT)
    void on(InteractionStored stored) {
        keywords.apply(stored.received());
    }
}
