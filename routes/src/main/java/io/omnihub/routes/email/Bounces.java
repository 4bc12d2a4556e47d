package io.omnihub.routes.email;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.email.MessageIdSigner;
import io.omnihub.routes.correlation.DeliveryReports;
import io.omnihub.store.interaction.Deliveries;
import io.omnihub.store.interaction.DeliveryStatus;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A delivery report (bounce) for mail we sent. Each address it says failed for good is marked
 * bouncing, so no further mail goes to it without an agent seeing why. When the report names the
 * mail that failed by our signed Message-ID (in the copy of the mail it returns, its In-Reply-To or
 * its References) and that mail's recipient is among the failures, the reply is FAILED with the
 * report's words, so the agent sees that the customer never got it. A report naming a Message-ID
 * that is not ours, or whose signature does not hold, fails nothing.
 */
@Component
public class Bounces implements DeliveryReports {

    private static final Logger log = LoggerFactory.getLogger(Bounces.class);

    private final ContactPointRepository contactPoints;
    private final InteractionRepository interactions;
    private final MessageIdSigner signer;
    private final Deliveries deliveries;
    private final Clock clock;

    Bounces(ContactPointRepository contactPoints, InteractionRepository interactions, MessageIdSigner signer,
            Deliveries deliveries, Clock clock) {
        this.contactPoints = contactPoints;
        this.interactions = interactions;
        this.signer = signer;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public String apply(InboundInteraction report) {
        Map<String, String> reasons = reasons(report);
        List<String> marked = new ArrayList<>();
        for (String recipient : reasons.keySet()) {
            contactPoints.findByTypeAndValue(ContactPointType.EMAIL, recipient).ifPresent(cp -> {
                cp.markBouncing(clock.instant());
                marked.add(cp.getValue());
            });
        }
        String failed = failTheReply(report, reasons).map(reply -> "; reply " + reply.getId() + " FAILED").orElse("");
        return (marked.isEmpty() ? "no known address failed" : String.join(", ", marked) + " marked bouncing")
                + failed;
    }

    private Optional<Interaction> failTheReply(InboundInteraction report, Map<String, String> reasons) {
        for (String messageId : namedMessageIds(report)) {
            Optional<Long> conversation = signer.conversationOf(messageId);
            if (conversation.isEmpty()) {
                continue;
            }
            Optional<Interaction> reply = interactions.findSentMail(conversation.get(), messageId);
            if (reply.isEmpty()) {
                continue;
            }
            Interaction sent = reply.get();
            String to = String.valueOf(sent.getMetadata().get("to")).toLowerCase(java.util.Locale.ROOT);
            if (!reasons.containsKey(to)) {
                log.info("a delivery report names reply {} but not its recipient {}: the reply is left as it is",
                        sent.getId(), to);
                return Optional.empty();
            }
            String said = reasons.get(to);
            String sender = report.from() == null || report.from().primary() == null ? "the receiving mail server"
                    : report.from().primary().value();
            if (deliveries.record(sent, DeliveryStatus.FAILED, "bounced: " + sender + " reported that mail to " + to
                    + " failed" + (said.isEmpty() ? "" : ": " + said))) {
                log.info("reply {} to {} FAILED: a delivery report says it did not arrive", sent.getId(), to);
                return reply;
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The Message-IDs a report names as the failed mail: its returned copy's, then In-Reply-To, then References. */
    private static Set<String> namedMessageIds(InboundInteraction report) {
        Set<String> ids = new LinkedHashSet<>();
        if (report.metadata().get("bouncedMessageId") instanceof String returned) {
            ids.add(returned);
        }
        if (report.thread() != null) {
            if (report.thread().inReplyTo() != null) {
                ids.add(report.thread().inReplyTo());
            }
            List<String> references = report.thread().references();
            for (int i = references.size() - 1; i >= 0; i--) {
                ids.add(references.get(i));
            }
        }
        return ids;
    }

    private static Map<String, String> reasons(InboundInteraction report) {
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        if (report.metadata().get("bounceRecipients") instanceof List<?> recipients) {
            recipients.forEach(r -> reasons.put(String.valueOf(r).toLowerCase(java.util.Locale.ROOT), ""));
        }
        if (report.metadata().get("bounceReasons") instanceof Map<?, ?> said) {
            said.forEach((r, why) -> reasons.put(String.valueOf(r).toLowerCase(java.util.Locale.ROOT),
                    why == null ? "" : String.valueOf(why)));
        }
        return reasons;
    }
}
