package io.omnihub.connectors.inbox;

import io.omnihub.connectors.email.MailboxSettings;
import io.omnihub.connectors.twilio.TwilioSettings;
import io.omnihub.connectors.webform.WebFormSettings;

/**
 * One configured entry point, {@code omnihub.inboxes.<key>}.
 *
 * @param channel which channel it is: {@code webform}, {@code email} or {@code sms}
 * @param name    what agents see, e.g. "Website contact form"
 * @param team    the key of the team that works this inbox (optional)
 * @param routing how its new conversations are assigned to the team's online agents:
 *                {@code ROUND_ROBIN}, {@code LEAST_LOADED}, or {@code MANUAL} (default: they wait
 *                in the team's list to be claimed)
 * @param webform settings when {@code channel} is {@code webform}
 * @param email   settings when {@code channel} is {@code email}
 * @param twilio  settings when {@code channel} is {@code sms} (Twilio SMS, MMS, WhatsApp)
 */
public record InboxSettings(String channel, String name, String team, Routing routing, WebFormSettings webform,
        MailboxSettings email, TwilioSettings twilio) {

    /** How an inbox's new conversations find an agent. */
    public enum Routing { MANUAL, ROUND_ROBIN, LEAST_LOADED }

    public InboxSettings {
        routing = routing == null ? Routing.MANUAL : routing;
    }

    public String displayName(String key) {
        return name == null || name.isBlank() ? key : name;
    }
}
