package io.omnihub.routes.sms;

import io.omnihub.connectors.twilio.TwilioChannels;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.twilio.TwilioInboxes;
import io.omnihub.connectors.twilio.TwilioSettings;
import io.omnihub.store.customer.Consent;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The carrier keywords of SMS: a message that is only one of the inbox's opt-out words (Twilio's
 * by default: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT; any case) opts the
 * number out, one of its opt-in words (START, YES, UNSTOP) opts it back in. Twilio itself stops
 * delivering to an opted-out number; the hub records it on the contact point so agents see it and
 * replies are refused with the reason instead of failing at Twilio.
 */
@Component
public class SmsConsentKeywords {

    private static final Logger log = LoggerFactory.getLogger(SmsConsentKeywords.class);
    private final ContactPointRepository contactPoints;
    private final TwilioInboxes inboxes;
    private final Clock clock;

    SmsConsentKeywords(ContactPointRepository contactPoints, TwilioInboxes inboxes, Clock clock) {
        this.contactPoints = contactPoints;
        this.inboxes = inboxes;
        this.clock = clock;
    }

    /** The consent a message states, if it is one of the inbox's keywords. */
    static Optional<Consent> stated(String text, TwilioSettings keywords) {
        String word = TwilioSettings.keyword(text);
        if (keywords.optOutWords().contains(word)) {
            return Optional.of(Consent.OPTED_OUT);
        }
        return keywords.optInWords().contains(word) ? Optional.of(Consent.OPTED_IN) : Optional.empty();
    }

    /** Called in the recording transaction for every inbound SMS. */
    public void apply(InboundInteraction sms) {
        if (!TwilioChannels.SMS.equals(sms.channel())) {
            return;
        }
        TwilioSettings twilio = inboxes.twilio(sms.inbox()).orElse(null);
        if (twilio == null || sms.from() == null || sms.from().primary() == null) {
            return;
        }
        stated(sms.text(), twilio).ifPresent(consent -> contactPoints
                .findByTypeAndValue(ContactPointType.PHONE, sms.from().primary().value())
                .ifPresent(phone -> {
                    phone.consent(consent, clock.instant());
                    log.info("{} is now {} (keyword in SMS {})", phone.getValue(), consent, sms.externalId());
                }));
    }
}
