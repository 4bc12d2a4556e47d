package io.omnihub.connectors.integrations;

import java.time.Instant;
import java.util.Map;

/**
 * A fact from an ERP or SCM system about a customer: an order placed, an invoice issued, a shipment
 * dispatched, delayed or delivered, a return authorised.
 *
 * @param source     the system it came from (e.g. {@code sap-s4}); with {@code id}, what makes it unique
 * @param id         the system's id of the event
 * @param type       dotted lower case, e.g. {@code shipment.delayed}
 * @param occurredAt when it happened in that system
 * @param customer   who it is about
 * @param reference  the business document (order, invoice, delivery number), optional
 * @param summary    one line for people, shown on the timeline
 * @param data       anything else, kept as given
 * @param inReplyTo  the requestId of an agent's request (a return, an order inquiry) this answers,
 *                   optional: the answer lands on the request's conversation
 */
public record BusinessEvent(String source, String id, String type, Instant occurredAt, CustomerRef customer,
        String reference, String summary, Map<String, Object> data, String inReplyTo) {

    /** The bus duplicate-detection id: the same event (source and id) handed over twice is kept once. */
    public String duplicateId() {
        return "business:" + source + ":" + id;
    }

    /** The message group: the request it answers, else the customer it is about, so their events apply in order. */
    public String groupId() {
        if (inReplyTo != null) {
            return "business-request:" + inReplyTo;
        }
        return customer == null ? "business:" + source : "business-customer:" + customer;
    }

    /** How the customer is named: their ERP customer number, else an email address or phone number. */
    public record CustomerRef(String erpNumber, String email, String phone) {

        @Override
        public String toString() {
            return erpNumber != null ? "ERP number " + erpNumber : email != null ? "email " + email
                    : phone != null ? "phone " + phone : "no customer named";
        }
    }

    /** What became of one event. */
    public record Outcome(String id, Status status, Long interactionId, Long customerId, String reason) {
    }

    public enum Status {
        /** Taken in: on the bus to the customer's timeline (or the unmatched list) within moments. */
        ACCEPTED,
        /** On the customer's timeline now. */
        RECORDED,
        /** Recorded before: nothing changed. */
        DUPLICATE,
        /** No customer matches: kept in the unmatched list, not on a timeline. */
        UNKNOWN_CUSTOMER,
        /** It answers a request the hub does not know: kept in the unmatched list. */
        UNKNOWN_REQUEST,
        /** Not a usable event: the reason says what is wrong. */
        INVALID
    }
}
