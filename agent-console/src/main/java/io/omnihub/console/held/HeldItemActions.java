package io.omnihub.console.held;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.console.api.NotFoundException;
import io.omnihub.console.security.InboxAccess;
import io.omnihub.store.customer.CustomerRepository;
import io.omnihub.store.held.HeldItem;
import io.omnihub.store.held.HeldItems;
import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What agents do with held items: read them (within their inbox rights), send one back to the
 * queue it was parked from (retry), send it back to be recorded for a customer they chose
 * (attach), or discard it. The message goes back on the bus in a transacted session that commits
 * after the database has, so an item is never marked RETRYING without its message on the bus
 * unless the broker failed in between, and then it can be retried again.
 */
@Service
public class HeldItemActions {

    /**
     * The bus headers of a held item sent back: the contract with the routes module's
     * {@code HubHeaders} (held-item id, its key, the customer it is attached to).
     */
    static final String HELD_ITEM_ID = "omnihubHeldItemId";
    static final String HELD_ITEM_KEY = "omnihubHeldItemKey";
    static final String ATTACH_TO_CUSTOMER = "omnihubAttachToCustomer";

    private final HeldItems items;
    private final CustomerRepository customers;
    private final InboxAccess access;
    private final ObjectMapper json;
    private final JmsTemplate bus;
    private final String inbound;
    private final String events;

    HeldItemActions(HeldItems items, CustomerRepository customers, InboxAccess access, ObjectMapper json,
            JmsTemplate jms, @Value("${omnihub.bus.inbound:hub.inbound}") String inbound,
            @Value("${omnihub.bus.events:hub.events}") String events) {
        this.items = items;
        this.customers = customers;
        this.access = access;
        this.json = json;
        this.bus = new JmsTemplate(jms.getConnectionFactory());
        this.bus.setSessionTransacted(true);
        this.inbound = inbound;
        this.events = events;
    }

    /** The item, if the reader may see it (403 otherwise, 404 when there is none). */
    public HeldItem require(long id, Principal reader) {
        HeldItem item = items.find(id).orElseThrow(() -> new NotFoundException("there is no held item " + id));
        Set<String> hidden = access.hiddenInboxKeys(reader);
        if (item.inbox() != null && hidden.contains(item.inbox())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "held item " + id + " came through the restricted "
                    + "inbox '" + item.inbox() + "', which none of your teams works");
        }
        return item;
    }

    public byte[] payload(long id, Principal reader) {
        require(id, reader);
        return items.payload(id).orElseThrow(() -> new NotFoundException("there is no held item " + id));
    }

    /** The payload as JSON, when it is JSON. */
    public Optional<JsonNode> parsedPayload(long id, Principal reader) {
        try {
            JsonNode node = json.readTree(payload(id, reader));
            return Optional.ofNullable(node).filter(JsonNode::isObject);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    @Transactional
    public HeldItem retry(long id, Principal actor) {
        require(id, actor);
        HeldItem item = items.retrying(id, null, actor.getName());
        send(item, items.payload(id).orElseThrow(), null);
        return item;
    }

    /** Sends a held interaction back to be recorded on the chosen customer's timeline. */
    @Transactional
    public HeldItem attach(long id, long customerId, Principal actor) {
        HeldItem before = require(id, actor);
        if (!inbound.equals(before.sourceQueue())) {
            throw new IllegalArgumentException("held item " + id + " is not an inbound interaction (it was parked from "
                    + before.sourceQueue() + "); only those can be attached to a customer");
        }
        if (!customers.existsById(customerId)) {
            throw new IllegalArgumentException("there is no customer " + customerId);
        }
        HeldItem item = items.retrying(id, customerId, actor.getName());
        send(item, items.payload(id).orElseThrow(), customerId);
        return item;
    }

    @Transactional
    public HeldItem discard(long id, String note, Principal actor) {
        require(id, actor);
        return items.discard(id, actor.getName(), note);
    }

    private void send(HeldItem item, byte[] payload, Long customerId) {
        bus.send(destination(item.sourceQueue()), session -> {
            Message message = textOrBytes(session, payload);
            message.setStringProperty("_AMQ_DUPL_ID", "held:" + item.id() + ":" + System.nanoTime());
            message.setStringProperty("JMSXGroupID", "held:" + item.id());
            message.setLongProperty(HELD_ITEM_ID, item.id());
            message.setStringProperty(HELD_ITEM_KEY, item.messageKey());
            if (customerId != null) {
                message.setLongProperty(ATTACH_TO_CUSTOMER, customerId);
            }
            return message;
        });
    }

    /** The integrations' subscription is a queue on the events topic, reached by its full name. */
    private String destination(String sourceQueue) {
        return sourceQueue.equals("hub.integrations") ? events + "::" + sourceQueue : sourceQueue;
    }

    private static Message textOrBytes(jakarta.jms.Session session, byte[] payload) throws jakarta.jms.JMSException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(payload)).toString();
            return session.createTextMessage(text);
        } catch (CharacterCodingException notText) {
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(payload);
            return bytes;
        }
    }
}
