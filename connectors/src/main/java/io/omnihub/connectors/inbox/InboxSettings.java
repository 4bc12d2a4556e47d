package io.omnihub.connectors.inbox;

/**
 * One configured entry point, {@code omnihub.inboxes.<key>}: what every inbox has, whatever its channel.
 * The channel's own block ({@code .webform}, {@code .email}, {@code .twilio}, {@code .chat}) is bound by the
 * channel's package ({@link InboxChannel}), so this one names no channel.
 *
 * @param channel which channel it is: {@code webform}, {@code email}, {@code sms} or {@code chat} (the
 *                channels {@link ConfiguredChannels} accepts)
 * @param name    what agents see, e.g. "Website contact form"
 * @param team    the key of the team that works this inbox (optional)
 * @param restricted only the members of {@code team} (and supervisors, administrators) see and work
 *                its conversations; a conversation transferred to another team is also seen by that team
 * @param routing how its new conversations are assigned to the team's online agents:
 *                {@code ROUND_ROBIN}, {@code LEAST_LOADED}, or {@code MANUAL} (default: they wait
 *                in the team's list to be claimed)
 * @param replyMailbox the key of an email inbox whose mail server sends this inbox's replies by email:
 *                an agent switching an SMS or chat conversation to email, a message left in the chat
 *                while nobody was online, a chat transcript (optional)
 * @param replySms the key of an SMS inbox whose number sends this inbox's replies by SMS: an agent
 *                switching an email or chat conversation to SMS (optional)
 */
public record InboxSettings(String channel, String name, String team, boolean restricted, Routing routing,
        String replyMailbox, String replySms) {

    /** How an inbox's new conversations find an agent. */
    public enum Routing { MANUAL, ROUND_ROBIN, LEAST_LOADED }

    public InboxSettings {
        routing = routing == null ? Routing.MANUAL : routing;
    }

    public String displayName(String key) {
        return name == null || name.isBlank() ? key : name;
    }
}
