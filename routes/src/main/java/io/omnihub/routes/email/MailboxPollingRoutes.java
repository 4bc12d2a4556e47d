package io.omnihub.routes.email;

import io.omnihub.routes.errors.HubErrorPolicy;
import io.omnihub.connectors.bus.BlobStore;
import io.omnihub.connectors.bus.InboundPublisher;
import io.omnihub.connectors.email.MailInteractions;
import io.omnihub.connectors.email.MailboxCursors;
import io.omnihub.connectors.email.MailboxImporter;
import io.omnihub.connectors.email.MailInboxes;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per configured mailbox: every poll interval, import the mailbox's new mail onto the
 * bus. Each mailbox has its own timer thread, so a slow or unreachable server delays only its own
 * mailbox; a failed poll is recorded for health and tried again at the next interval ({@link MailboxPoll}).
 */
@Component
public class MailboxPollingRoutes extends EndpointRouteBuilder {

    /** This hub node's name in mailbox leases. */
    static final String NODE = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);

    private final MailInboxes mailboxes;
    private final MailInteractions interactions;
    private final InboundPublisher bus;
    private final MailboxCursors cursors;
    private final MailboxStatus status;
    private final Clock clock;

    MailboxPollingRoutes(MailInboxes mailboxes, BlobStore blobs, InboundPublisher bus, MailboxCursors cursors,
            MailboxStatus status, Clock clock) {
        this.mailboxes = mailboxes;
        this.interactions = new MailInteractions(blobs);
        this.bus = bus;
        this.cursors = cursors;
        this.status = status;
        this.clock = clock;
    }

    /** The polls, by inbox key, that the routes made from the template run. */
    private final Map<String, MailboxPoll> polls = new ConcurrentHashMap<>();

    @Override
    public void configure() {
        routeTemplate("mailbox-poll").templateParameter("inbox").templateParameter("period")
                .from("timer:mailbox-{{inbox}}?delay=2000&fixedRate=false&period={{period}}")
                .routeConfigurationId(HubErrorPolicy.SCHEDULED)
                .setHeader("inbox", constant("{{inbox}}"))
                .bean(this, "poll(${header.inbox})");
        mailboxes.mailboxes().forEach((key, mailbox) -> {
            if (!mailbox.receives()) {
                return; // a mailbox that only sends replies
            }
            polls.put(key, new MailboxPoll(key, new MailboxImporter(key, mailbox, interactions, bus, cursors,
                    NODE, clock)::poll, status));
            templatedRoute("mailbox-poll").routeId("mailbox-" + key).parameter("inbox", key)
                    .parameter("period", String.valueOf(mailbox.imap().pollInterval().toMillis()));
        });
    }

    /** One poll of mailbox {@code inbox}. */
    public void poll(String inbox) {
        polls.get(inbox).run();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "hub";
        }
    }
}
