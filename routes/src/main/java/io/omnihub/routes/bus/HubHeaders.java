package io.omnihub.routes.bus;

/** Every header and exchange property the hub sets on bus messages, in one place. */
public final class HubHeaders {

    /** Artemis duplicate detection: a second message with the same id on an address is dropped. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** The duplicate id a dead-lettered message had, kept so a replay can be traced to it. */
    public static final String ORIGINAL_DUPLICATE_ID = "omnihubOriginalDuplicateId";
    /** JMS message group: messages of one group are consumed in order by one consumer at a time. */
    public static final String GROUP_ID = "JMSXGroupID";
    /** How many times the broker has delivered this message (1 on the first delivery). */
    public static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    public static final String EVENT_TYPE = "omnihubEventType";
    public static final String CUSTOMER_ID = "omnihubCustomerId";
    public static final String SCHEMA = "omnihubSchema";

    /** Why a message was parked in a dead-letter queue without retries. */
    public static final String FAILURE_REASON = "omnihubFailureReason";
    public static final String FAILURE_EXCEPTION = "omnihubFailureException";
    /** When it was parked, epoch milliseconds. */
    public static final String FAILED_AT = "omnihubFailedAt";
    public static final String FAILED_ROUTE = "omnihubFailedRoute";
    /** How many times it was delivered before it was parked. */
    public static final String DELIVERIES = "omnihubDeliveries";
    /** The queue it was parked from. */
    public static final String SOURCE_QUEUE = "omnihubSourceQueue";
    /** When it first went on the bus, epoch milliseconds. */
    public static final String FIRST_ATTEMPT_AT = "omnihubFirstAttemptAt";

    /** On a held item sent back to its queue: the item, so that its outcome is written on it. */
    public static final String HELD_ITEM_ID = "omnihubHeldItemId";
    /** On a held item sent back to its queue: what identifies the item, should it be parked again. */
    public static final String HELD_ITEM_KEY = "omnihubHeldItemKey";
    /** On a held interaction an agent attached to a customer: that customer's id. */
    public static final String ATTACH_TO_CUSTOMER = "omnihubAttachToCustomer";

    /** Exchange property: the dead-letter queue of the queue a route consumes. */
    public static final String DEAD_LETTER_QUEUE = "omnihubDeadLetterQueue";

    private HubHeaders() {
    }
}
