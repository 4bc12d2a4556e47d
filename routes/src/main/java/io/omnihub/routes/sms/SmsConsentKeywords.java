package io.omnihub.routes.sms;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.store.customer.Consent;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The carrier keywords of SMS: a message that is only STOP (or STOPALL, UNSUBSCRIBE, CANCEL, END,
 * QUIT) opts the number out, START (YES, UNSTOP) opts it back in. Twilio itself stops delivering to
 * an opted-out number; the hub records it on the contact point so agents see it and replies are
 * refused with the reason instead of failing at Twilio.
 */
@Component
public class SmsConsentKeywords {

    private static final Logger log = LoggerFactory.getLogger(SmsConsentKeywords.class);
    static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> OPT_IN = Set.of("START", "YES", "UNSTOP");

    private final ContactPointRepository contactPoints;
    private final Clock clock;

    SmsConsentKeywords(ContactPointRepository contactPoints, Clock clock) {
        this.contactPoints = contactPoints;
        this.clock = clock;
    }

    /** The consent a message states, if it is a keyword. */
    static Optional<Consent> stated(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String word = text.strip().replaceAll("[.!]+$", "").toUpperCase(Locale.ROOT);
        if (OPT_OUT.contains(word)) {
            return Optional.of(Consent.OPTED_OUT);
        }
        return OPT_IN.contains(word) ? Optional.of(Consent.OPTED_IN) : Optional.empty();
    }

    /** Called in the recording transaction for every inbound SMS. */
    public void apply(InboundInteraction sms) {
        if (!"sms".equals(sms.channel())) {
            return;
        }
        stated(sms.text()).ifPresent(consent -> contactPoints
                .findByTypeAndValue(ContactPointType.PHONE, sms.from().primary().value())
                .ifPresent(phone -> {
                    phone.consent(consent, clock.instant());
                    log.info("{} is now {} (keyword in SMS {})", phone.getValue(), consent, sms.externalId());
                }));
    }
}
