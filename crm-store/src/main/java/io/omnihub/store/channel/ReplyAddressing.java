package io.omnihub.store.channel;

import io.omnihub.store.customer.ContactPointType;

/**
 * How a reply on a channel finds the customer.
 *
 * @param contactPoint the kind of contact point a reply goes to ({@code EMAIL}, {@code PHONE}), or null when
 *                     it goes only to the live session the conversation runs in (a chat)
 * @param senderSetting the inbox setting naming the inbox that sends on this channel for a conversation begun
 *                     on another ({@code reply-mailbox}, {@code reply-sms}); null when only the channel's own
 *                     conversations are answered on it
 * @param addressNoun  what the customer lacks when there is nowhere to send, e.g. "email address"
 */
public record ReplyAddressing(ContactPointType contactPoint, String senderSetting, String addressNoun) {

    /** Replies go to the customer's contact point of that kind, from another channel's conversations too. */
    public static ReplyAddressing toContact(ContactPointType contactPoint, String senderSetting, String addressNoun) {
        return new ReplyAddressing(contactPoint, senderSetting, addressNoun);
    }

    /** Replies go only into the live session of the channel's own conversations. */
    public static ReplyAddressing liveSessionOnly(String addressNoun) {
        return new ReplyAddressing(null, null, addressNoun);
    }

    /** Whether an agent may switch a conversation of another channel to this one. */
    public boolean reachesFromOtherChannels() {
        return contactPoint != null && senderSetting != null;
    }

    /** Whether {@code sender}, as recorded on an inbound interaction, is an address of this kind. */
    public boolean addresses(String sender) {
        if (sender == null || contactPoint == null) {
            return false;
        }
        return contactPoint == ContactPointType.EMAIL ? sender.contains("@") : sender.startsWith("+");
    }
}
